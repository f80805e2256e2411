"""The site's addresses as `runserver` has them with DEBUG on: lms.urls and the public media it serves.

The test settings run with DEBUG off, so lms.urls leaves the media out; a test that asks what
a development server hands out uses this module as its ROOT_URLCONF.
"""

from lms.urls import development_media_urlpatterns
from lms.urls import urlpatterns as site_urlpatterns

urlpatterns = [*development_media_urlpatterns(), *site_urlpatterns]
