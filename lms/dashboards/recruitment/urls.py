from django.urls import path

from . import views

app_name = "recruitment"
urlpatterns = [
    path("rekrutmen/", views.application_list, name="list"),
    path("rekrutmen/<int:application_id>/", views.application_detail, name="detail"),
    path("rekrutmen/<int:application_id>/penilaian/", views.application_screen_view, name="screen"),
    path("rekrutmen/<int:application_id>/keputusan/", views.application_decide, name="decide"),
]
