from django.urls import path

from .views import host, placements, trainee

app_name = "apprenticeship"

urlpatterns = [
    path("magang/", trainee.my_apprenticeship, name="mine"),
    path("magang/minat/", trainee.interest_save, name="interest"),
    path("magang/penempatan/<int:placement_id>/", placements.placement_detail, name="placement"),
    path("magang/penempatan/<int:placement_id>/catatan/baru/", trainee.entry_new, name="entry_new"),
    path("magang/penempatan/<int:placement_id>/setujui/", placements.approve, name="approve"),
    path("magang/penempatan/<int:placement_id>/tolak/", placements.reject, name="reject"),
    path("magang/penempatan/<int:placement_id>/tarik/", placements.withdraw, name="withdraw"),
    path("magang/penempatan/<int:placement_id>/evaluasi/", host.evaluate, name="evaluate"),
    path("magang/penempatan/<int:placement_id>/sahkan/", placements.sign_off, name="sign_off"),
    path("magang/catatan/<int:entry_id>/", trainee.entry_edit, name="entry_edit"),
    path("magang/catatan/<int:entry_id>/paraf/", host.countersign, name="countersign"),
    path("magang/catatan/<int:entry_id>/kembalikan/", host.send_back, name="send_back"),
    path("magang/foto/<int:photo_id>/", trainee.photo, name="photo"),
    path("magang/foto/<int:photo_id>/hapus/", trainee.photo_delete, name="photo_delete"),
    path("magang/pembimbing/", host.queue, name="host_queue"),
    path("magang/papan/", placements.board, name="board"),
    path("magang/usulkan/", placements.propose, name="propose"),
    path("magang/kube/<int:kube_id>/", host.kube_detail, name="kube"),
    path("magang/kube/<int:kube_id>/penilaian/", host.kube_assess, name="kube_assess"),
]
