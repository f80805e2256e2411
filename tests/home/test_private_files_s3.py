"""Private files in an S3-compatible bucket, tested against moto's server mode with production's settings.

The settings come from `private_storage_settings`, the function production uses, given the
environment a real bucket would have; only the endpoint names moto's server on 127.0.0.1.
Moto checks object ACLs for unsigned requests but checks neither the signature nor the
expiry of a signed URL, so the expiry is read from the URL itself (S3 enforces it).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from lms.files import private_files_origin, streams_from_disk
from lms.settings.base import private_storage_settings

from ..storage import fetch

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


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


def test_production_reads_the_bucket_from_the_environment():
    environment = {
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "s" * 50,
        "DATABASE_URL": "postgres://akademi@db.internal:5432/akademi",
        "REDIS_URL": "redis://cache.internal:6379/0",
        "S3_BUCKET": "akademi-private",
        "S3_ENDPOINT_URL": "https://s3.example.go.id",
        "S3_REGION": "ap-southeast-3",
        "S3_ACCESS_KEY_ID": "kunci",
        "S3_SECRET_ACCESS_KEY": "rahasia",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import json, lms.settings.production as s; print(json.dumps(s.STORAGES['private']))"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    private = json.loads(result.stdout)
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert {key: private["OPTIONS"][key] for key in ("bucket_name", "endpoint_url", "region_name", "access_key")} == {
        "bucket_name": "akademi-private",
        "endpoint_url": "https://s3.example.go.id",
        "region_name": "ap-southeast-3",
        "access_key": "kunci",
    }
    assert private["OPTIONS"]["addressing_style"] == "path"


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
