"""Private files in an S3-compatible bucket, tested against moto's server mode with production's settings.

The settings come from `private_storage_settings`, the function production uses, given the
environment a real bucket would have; only the endpoint names moto's server on 127.0.0.1.
Moto checks object ACLs for unsigned requests but checks neither the signature nor the
expiry of a signed URL, so the expiry is read from the URL itself (S3 enforces it).
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from lms.files import private_files_origin, streams_from_disk
from lms.settings.base import private_storage_settings

from ..storage import fetch

pytestmark = pytest.mark.django_db


def test_without_a_bucket_private_files_stay_in_a_folder_only_the_app_reads(tmp_path):
    config = private_storage_settings({}, location=tmp_path)

    assert config["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert config["OPTIONS"] == {
        "location": tmp_path,
        "file_permissions_mode": 0o600,
        "directory_permissions_mode": 0o700,
    }


def test_a_bucket_gets_private_objects_and_urls_signed_for_a_minute():
    options = private_storage_settings({"S3_BUCKET": "akademi"}, location=None)["OPTIONS"]

    assert options["default_acl"] == "private"
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] == 60
    assert options["custom_domain"] is None
    assert options["addressing_style"] == "virtual"  # AWS itself; an S3_ENDPOINT_URL makes it "path"
    assert "access_key" not in options  # boto3's own credential chain (instance role, AWS_* variables)


def test_the_private_storage_writes_objects_nobody_reads_without_a_signature(s3_bucket):
    storage = storages["private"]

    name = storage.save("certificates/rahasia.pdf", ContentFile(b"%PDF-1.4 rahasia"))

    assert not streams_from_disk(storage)
    stored = s3_bucket.client.get_object(Bucket=s3_bucket.name, Key=name)
    assert stored["Body"].read() == b"%PDF-1.4 rahasia"
    assert stored["CacheControl"] == "private, no-store"
    grants = s3_bucket.client.get_object_acl(Bucket=s3_bucket.name, Key=name)["Grants"]
    assert not [grant for grant in grants if "AllUsers" in grant["Grantee"].get("URI", "")]
    assert fetch(f"{s3_bucket.endpoint}/{s3_bucket.name}/{name}")[0] == 403
    # The 403 is the object's ACL at work: the same server hands out a public-read object unsigned.
    s3_bucket.client.put_object(Bucket=s3_bucket.name, Key="umum.txt", Body=b"umum", ACL="public-read")
    assert fetch(f"{s3_bucket.endpoint}/{s3_bucket.name}/umum.txt")[0] == 200


def test_pages_may_show_images_from_the_bucket_and_nowhere_else(client, s3_bucket):
    policy = client.get("/")["Content-Security-Policy"]

    img_src = next(part for part in policy.split("; ") if part.startswith("img-src"))
    assert img_src.split() == ["img-src", "'self'", "data:", s3_bucket.endpoint]
    assert private_files_origin() == s3_bucket.endpoint
    assert "script-src 'self';" in policy + ";"
