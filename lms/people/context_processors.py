from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .constants import Role
from .scoping import supervises_a_region


def navigation(request):
    """Links in the site header, by who is signed in. Sign-out is a form in the template."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "nav_links": [
                (reverse("account_login"), _("Sign in")),
                (reverse("account_signup"), _("Sign up")),
                (reverse("people:apply"), _("Become a mentor")),
            ]
        }
    links = [
        (reverse("dashboards:home"), _("My home")),
        (reverse("people:profile"), _("Profile")),
    ]
    if user.has_role(Role.TRAINEE):
        links.append((reverse("certification:mine"), _("Certification")))
    if supervises_a_region(user):
        links.append((reverse("dashboards:supervisor"), _("Supervision")))
        links.append((reverse("recruitment:list"), _("Recruitment")))
    if user.has_perm("wagtailadmin.access_admin"):
        links.append((reverse("wagtailadmin_home"), _("Administration")))
    return {"nav_links": links}
