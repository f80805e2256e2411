"""PKUBE-101 Dasar-Dasar Pendampingan Sosial KUBE: one module per mentor role, in role order."""

from .dasar_pendampingan_1 import MODULE_FASILITATOR, MODULE_MOTIVATOR
from .dasar_pendampingan_2 import MODULE_MOBILISATOR, MODULE_PENGHUBUNG
from .dasar_pendampingan_3 import MODULE_EVALUATOR, MODULE_PENELITI
from .dasar_pendampingan_4 import MODULE_ADVOKATOR, MODULE_PEMBIMBING

DASAR_PENDAMPINGAN = {
    "code": "PKUBE-101",
    "title": "Dasar-Dasar Pendampingan Sosial KUBE",
    "slug": "dasar-dasar-pendampingan-sosial-kube",
    "summary": (
        "Kursus dasar bagi calon dan pendamping sosial Kelompok Usaha Bersama (KUBE). "
        "Materinya disusun menurut delapan peran pendamping, dari fasilitator sampai pembimbing dan perencana, "
        "dengan contoh lapangan dari Jawa Timur, Banjarmasin, dan Yogyakarta. "
        "Peserta belajar memandu pertemuan, mencatat keuangan kelompok, menjalin mitra, mengawal dana bantuan, "
        "dan menilai kemajuan KUBE sebelum magang di KUBE berprestasi."
    ),
    "study_hours": 32,
    "learning_format": "blended",
    "pass_mark": 70,
    "roles": [
        "fasilitator",
        "motivator",
        "penghubung",
        "mobilisator",
        "peneliti",
        "evaluator",
        "advokator",
        "pembimbing",
    ],
    "aspects": ["rekrutmen", "pentingnya-pelatihan", "pelaksanaan-pelatihan", "peran-dalam-uep"],
    "prerequisites": [],
    "modules": [
        MODULE_FASILITATOR,
        MODULE_MOTIVATOR,
        MODULE_PENGHUBUNG,
        MODULE_MOBILISATOR,
        MODULE_PENELITI,
        MODULE_EVALUATOR,
        MODULE_ADVOKATOR,
        MODULE_PEMBIMBING,
    ],
}
