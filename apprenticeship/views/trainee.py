"""The apprentice's side: their apprenticeship page, interests, and the logbook with photos.

The entry form is an ordinary multipart form. static/js/logbook.js keeps a draft on the phone
while the trainee types, and, when there is no connection, queues the whole entry (photos
included) in the browser and sends it once the connection returns. The entry's `client_key`
makes a resent entry update the first one instead of doubling it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.files import private_file_response
from lms.people.constants import Role
from lms.sanitize import html_to_plain_text

from ..forms import InterestForm, LogbookEntryForm
from ..models import ApprenticeInterest, LogbookPhoto
from ..permissions import may_write_logbook
from ..photos import logbook_photo_delete, logbook_photos_add
from ..selectors import logbook, logbook_entry_get_for_user, placement_get_for_user, trainee_placements
from ..services import apprentice_interest_set, logbook_entry_save


@login_required
def my_apprenticeship(request):
    """Where the trainee's apprenticeship stands: placement, hours, logbook, evaluation."""
    if not request.user.has_role(Role.TRAINEE):
        raise PermissionDenied
    placements = trainee_placements(request.user)
    current = placements[0] if placements else None
    interest = ApprenticeInterest.objects.filter(trainee=request.user).prefetch_related("business_types").first()
    context = {
        "placements": placements,
        "current": current,
        "entries": list(logbook(current)) if current else [],
        "may_write": current is not None and may_write_logbook(request.user, current),
        "interest_form": InterestForm(
            initial={"business_types": list(interest.business_types.all()) if interest else []}
        ),
    }
    return TemplateResponse(request, "apprenticeship/my_apprenticeship.html", context)


@login_required
@require_POST
def interest_save(request):
    if not request.user.has_role(Role.TRAINEE):
        raise PermissionDenied
    form = InterestForm(request.POST)
    if form.is_valid():
        apprentice_interest_set(trainee=request.user, business_types=list(form.cleaned_data["business_types"]))
        messages.success(request, _("Your interests are saved; they help find a KUBE for your apprenticeship."))
    return redirect("apprenticeship:mine")


@login_required
def entry_new(request, placement_id: int):
    placement = placement_get_for_user(user=request.user, placement_id=placement_id)
    if not may_write_logbook(request.user, placement):
        raise PermissionDenied
    if request.method == "POST":
        return _save(request, placement, entry=None)
    form = LogbookEntryForm(initial={"worked_on": timezone.localdate(), "hours": 2})
    return _render_form(request, placement, form, entry=None)


@login_required
def entry_edit(request, entry_id: int):
    entry = logbook_entry_get_for_user(user=request.user, entry_id=entry_id)
    placement = entry.placement
    if not may_write_logbook(request.user, placement) or entry.is_countersigned:
        raise PermissionDenied
    if request.method == "POST":
        return _save(request, placement, entry=entry)
    form = LogbookEntryForm(
        initial={
            "client_key": entry.client_key,
            "worked_on": entry.worked_on,
            "hours": entry.hours,
            "activity_type": entry.activity_type,
            "roles": list(entry.roles_practised.all()),
            "narrative": html_to_plain_text(entry.narrative),
        }
    )
    return _render_form(request, placement, form, entry=entry)


def _render_form(request, placement, form, *, entry, status=200):
    context = {
        "placement": placement,
        "form": form,
        "entry": entry,
        "photos": list(entry.photos.all()) if entry else [],
    }
    return TemplateResponse(request, "apprenticeship/logbook_entry_form.html", context, status=status)


def _save(request, placement, *, entry):
    """Save the entry's text first, then each photo; a refused photo never costs the text."""
    wants_json = "application/json" in request.headers.get("Accept", "")
    form = LogbookEntryForm(request.POST, request.FILES)
    saved = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved = logbook_entry_save(
                placement=placement,
                client_key=entry.client_key if entry else data["client_key"],
                worked_on=data["worked_on"],
                hours=data["hours"],
                activity_type=data["activity_type"],
                roles=list(data["roles"]),
                narrative=data["narrative"],
            )
        except ValidationError as error:
            _attach(form, error)
    if saved is None:
        if wants_json:
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        return _render_form(request, placement, form, entry=entry, status=400)
    photo_errors = logbook_photos_add(entry=saved, uploads=form.cleaned_data["photos"])
    edit_url = reverse("apprenticeship:entry_edit", kwargs={"entry_id": saved.pk})
    if wants_json:
        return JsonResponse({"saved": True, "entry_url": edit_url, "photo_errors": photo_errors})
    for problem in photo_errors:
        messages.error(request, problem)
    if photo_errors:
        messages.warning(request, _("The entry's text is saved. Add the refused photos again after fixing them."))
        return redirect(edit_url)
    messages.success(request, _("Logbook entry saved. It now waits for your host mentor's countersignature."))
    return redirect("apprenticeship:placement", placement_id=placement.pk)


def _attach(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


@login_required
def photo(request, photo_id: int):
    """A logbook photo, for those who may read the entry; a private file with no public address.

    Shown inside pages, so inline, but always as the WebP it was re-encoded to (photos.py).
    """
    item = get_object_or_404(LogbookPhoto.objects.select_related("entry"), pk=photo_id)
    logbook_entry_get_for_user(user=request.user, entry_id=item.entry_id)
    return private_file_response(
        item.image, content_type="image/webp", as_attachment=False, cache_control="private, max-age=86400"
    )


@login_required
@require_POST
def photo_delete(request, photo_id: int):
    item = get_object_or_404(LogbookPhoto.objects.select_related("entry"), pk=photo_id)
    entry = logbook_entry_get_for_user(user=request.user, entry_id=item.entry_id)
    if not may_write_logbook(request.user, entry.placement):
        raise PermissionDenied
    try:
        logbook_photo_delete(photo=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Photo removed."))
    return redirect("apprenticeship:entry_edit", entry_id=entry.pk)
