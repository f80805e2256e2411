from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("beranda/", views.home, name="home"),
    path("penyelia/", views.supervisor, name="supervisor"),
    path("penyelia/ekspor/<slug:table>.<str:export_format>", views.supervisor_export, name="supervisor_export"),
]
