from .navigation import nav_links_for


def navigation(request):
    """Links in the site header, by who is signed in. Sign-out is a form in the template."""
    return {"nav_links": nav_links_for(getattr(request, "user", None))}
