from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("profil/", views.profile, name="profile"),
]
