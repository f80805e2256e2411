"""Editable taxonomies that tag courses, modules and questions."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

HEX_COLOUR_VALIDATOR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # and six hexadecimal digits."))


class BilingualName(models.Model):
    """A name kept in Indonesian and English; the one shown follows the page language."""

    name_id = models.CharField(_("name in Indonesian"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") and self.name_en else self.name_id


class MentorRole(index.Indexed, BilingualName):
    """One of the roles a social mentor plays for a KUBE (facilitator, motivator, broker …).

    The curriculum is organised around these roles and reports break results down by them, so
    they are data that trainers can edit, not code.
    """

    slug = models.SlugField(_("key"), max_length=50, unique=True)
    description = models.TextField(_("description"), blank=True)
    colour = models.CharField(_("colour"), max_length=7, default="#1f5f8b", validators=[HEX_COLOUR_VALIDATOR])
    icon = models.CharField(_("icon"), max_length=40, blank=True, help_text=_("Name of a Wagtail admin icon."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [index.SearchField("name_id"), index.SearchField("name_en"), index.AutocompleteField("name_id")]

    class Meta:
        ordering = ["sort_order", "name_id"]
        verbose_name = _("mentor role")
        verbose_name_plural = _("mentor roles")


class Aspect(index.Indexed, BilingualName):
    """A competency area that groups questions and results, such as the four aspects of the source study."""

    slug = models.SlugField(_("key"), max_length=50, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [index.SearchField("name_id"), index.SearchField("name_en"), index.AutocompleteField("name_id")]

    class Meta:
        ordering = ["sort_order", "name_id"]
        verbose_name = _("aspect")
        verbose_name_plural = _("aspects")
