from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("beranda/", views.home, name="home"),
]
