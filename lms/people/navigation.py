"""The site header's links, filled by the apps that own the pages (like `courses.completion`).

People knows only its own pages; each app above registers a provider from its AppConfig.ready(),
so the header never reverses a URL of an app above this one.
"""

from collections.abc import Callable

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# provider(user) -> [(order, url, label), ...] for a signed-in user
NavProvider = Callable[[object], list[tuple[int, str, str]]]
_providers: list[NavProvider] = []


def register_nav_links(provider: NavProvider) -> NavProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def nav_links_for(user) -> list[tuple[str, str]]:
    if user is None or not user.is_authenticated:
        return [
            (reverse("account_login"), _("Sign in")),
            (reverse("account_signup"), _("Sign up")),
            (reverse("people:apply"), _("Become a mentor")),
        ]
    links = [(20, reverse("people:profile"), _("Profile"))]
    for provider in _providers:
        links.extend(provider(user))
    if user.has_perm("wagtailadmin.access_admin"):
        links.append((90, reverse("wagtailadmin_home"), _("Administration")))
    return [(url, label) for _order, url, label in sorted(links, key=lambda link: link[0])]
