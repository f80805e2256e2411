from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def navigation(request):
    """Links in the site header, by who is signed in. Sign-out is a form in the template."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "nav_links": [
                (reverse("account_login"), _("Sign in")),
                (reverse("account_signup"), _("Sign up")),
            ]
        }
    links = [
        (reverse("dashboards:home"), _("My home")),
        (reverse("people:profile"), _("Profile")),
    ]
    if user.has_perm("wagtailadmin.access_admin"):
        links.append((reverse("wagtailadmin_home"), _("Administration")))
    return {"nav_links": links}
