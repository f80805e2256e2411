from allauth.account.adapter import DefaultAccountAdapter

from .constants import Role
from .services import user_assign_role


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up creates a trainee: the full name is kept and the Peserta role given."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data["full_name"]
        if commit:
            user.save()
            user_assign_role(user=user, role=Role.TRAINEE)
        return user
