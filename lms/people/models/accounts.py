from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from ..constants import EducationLevel, RegionLevel, Role, Sex

REGION_CODE_VALIDATOR = RegexValidator(
    r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$",
    _("Use the official code: 35, 35.78, 35.78.01 or 35.78.01.1001."),
)
PHONE_VALIDATOR = RegexValidator(
    r"^(\+62|62|0)8\d{7,12}$",
    _("Enter an Indonesian mobile number, for example 081234567890 or +6281234567890."),
)


class Region(MP_Node):
    """A place in Indonesia's administrative hierarchy, identified by its official code.

    The tree runs province → regency/city → district → village, so a node's depth is its
    level. Supervisors are scoped to a node and see everything in its subtree; the
    materialised path makes "within this subtree" a single indexed prefix match.
    """

    code = models.CharField(_("official code"), max_length=13, unique=True, validators=[REGION_CODE_VALIDATOR])
    name = models.CharField(_("name"), max_length=120)

    node_order_by = ["code"]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def level(self) -> RegionLevel:
        return RegionLevel(self.depth)

    @staticmethod
    def parent_code(code: str) -> str | None:
        head, _dot, _tail = code.rpartition(".")
        return head or None


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """Everyone who signs in: trainees, trainers, supervisors, host mentors and admins.

    People sign in with their e-mail address. One full-name field, because many
    Indonesians have a single name. `scope_region` is the subtree a supervisor (or a
    trainer working for a province) is responsible for; `home_region` is where the person
    lives and works. `sex` is optional: an evaluation study may balance its groups by it.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("mobile phone"), max_length=16, blank=True, validators=[PHONE_VALIDATOR])
    education_level = models.CharField(_("education level"), max_length=4, choices=EducationLevel.choices, blank=True)
    sex = models.CharField(
        _("sex"),
        max_length=6,
        choices=Sex.choices,
        blank=True,
        help_text=_("Optional. Evaluation studies may use it to form comparable groups."),
    )
    home_region = models.ForeignKey(
        Region,
        verbose_name=_("home region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="residents",
    )
    scope_region = models.ForeignKey(
        Region,
        verbose_name=_("supervised region"),
        help_text=_("Supervisors see people and activity within this region only."),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supervisors",
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @cached_property
    def role_names(self) -> frozenset[str]:
        """The user's roles, read once per request."""
        return frozenset(self.groups.values_list("name", flat=True))

    def has_role(self, role: Role) -> bool:
        return role in self.role_names

    @property
    def profile_missing_fields(self) -> list[str]:
        """Profile fields a trainee still has to fill in before studying."""
        required = ("full_name", "phone", "education_level", "home_region_id")
        return [name.removesuffix("_id") for name in required if not getattr(self, name)]
