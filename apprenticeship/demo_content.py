"""Texts and figures of the apprenticeship demo: host mentors, KUBE, placements and their logbooks.

Facts follow the seed papers (East Java, Banjarmasin and Yogyakarta; start-up grants from the
Kementerian Sosial, then BLPS and provincial money; meetings every two weeks with a small IKS
contribution); the sentences are written for the demo. Dates are offsets in days from the day
the demo is loaded (negative: in the past) so that the rules (assessment age, logbook dates)
hold whenever it is run; assessments are dated in months before that day.
"""

from datetime import date

from lms.people.constants import EducationLevel

from .constants import ActivityType, ProgrammeStage, Recommendation, Weekday


def _prose(text: str) -> str:
    """One paragraph written over several source lines."""
    return " ".join(text.split())


KEMENSOS = "Kementerian Sosial"

# e-mail, full name, home region, education
HOST_MENTORS = [
    ("pembimbing.surabaya@akademi.test", "Kusnul Khotimah", "35.78", EducationLevel.SLTA),
    ("pembimbing.sidoarjo@akademi.test", "Moch. Ridwan Hakim", "35.15", EducationLevel.D3),
    ("pembimbing.banjarmasin@akademi.test", "Rusmilawati", "63.71", EducationLevel.SLTA),
    ("pembimbing.jogja@akademi.test", "Tri Wahyuningsih", "34.02", EducationLevel.S1),
]

# Who assesses KUBE in a province: its supervisor; elsewhere the KUBE's own host mentor.
ASSESSORS = {"35": "penyelia.jatim@akademi.test", "63": "penyelia.kalsel@akademi.test"}

# Each KUBE: its registry fields, its grants (year, Rp, source) and its assessments, oldest first:
# (months before today, the nine scores in the order of constants.INDICATORS, notes by indicator).
KUBE_GROUPS = [
    # --- Jawa Timur -----------------------------------------------------------------------------
    {
        "name": "KUBE Sekar Arum",
        "village": "35.07.13.1010",
        "address": "Jl. Panji Gg. III No. 14, RT 02 RW 05",
        "business": "olahan-pangan",
        "founded": date(2016, 8, 15),
        "families": 10,
        "stage": ProgrammeStage.LKM,
        "meeting_day": Weekday.SATURDAY,
        "iks": 3000,
        "iks_balance": 4_350_000,
        "host": "pembimbing@akademi.test",
        "places": 2,
        "grants": [
            (2016, 20_000_000, KEMENSOS),
            (2019, 30_000_000, KEMENSOS),
            (2022, 15_000_000, "APBD Provinsi Jawa Timur"),
        ],
        "assessments": [
            (
                40,
                "443433333",
                {
                    "management": "Buku kas dan notulen ada, tetapi belum diisi setiap pertemuan.",
                    "partnership": "Keripik baru dititipkan di dua kios Pasar Kepanjen.",
                },
            ),
            (
                3,
                "545444444",
                {
                    "institution": "Anggaran dasar disahkan rapat anggota; pengurus berganti tiap tiga tahun.",
                    "partnership": "Memasok empat toko oleh-oleh di Kepanjen dan Kota Batu; punya KUR dari BRI.",
                    "independence": "Simpan pinjam kelompok berputar dari modal sendiri, tanpa bantuan baru.",
                    "welfare_role": "Dana IKS dipakai menjenguk anggota sakit dan membantu biaya sekolah anak.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Sumber Rejeki",
        "village": "35.07.24.1015",
        "address": "Dusun Krajan, RT 04 RW 01",
        "business": "peternakan",
        "founded": date(2019, 3, 11),
        "families": 8,
        "stage": ProgrammeStage.BLPS,
        "meeting_day": Weekday.SUNDAY,
        "iks": 2000,
        "iks_balance": 1_280_000,
        "host": "pembimbing@akademi.test",
        "places": 1,
        "grants": [(2019, 20_000_000, KEMENSOS), (2021, 10_000_000, "APBD Kabupaten Malang")],
        "assessments": [
            (26, "322322222", {"growth": "Tiga ekor induk kambing mati karena kembung; populasi turun."}),
            (
                6,
                "434333333",
                {
                    "activities": "Selain menjual bibit kambing, kelompok mengolah kotoran menjadi pupuk organik.",
                    "facilities": "Kandang panggung bersama diperbaiki dengan kas kelompok.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Mawar Sejahtera",
        "village": "35.78.01.1003",
        "address": "Jl. Raya Kedurus Gg. II No. 17, RT 03 RW 02",
        "business": "menjahit",
        "founded": date(2015, 5, 20),
        "families": 12,
        "stage": ProgrammeStage.KOPERASI,
        "meeting_day": Weekday.FRIDAY,
        "iks": 5000,
        "iks_balance": 7_800_000,
        "host": "pembimbing.surabaya@akademi.test",
        "places": 1,
        "grants": [
            (2015, 20_000_000, KEMENSOS),
            (2017, 30_000_000, KEMENSOS),
            (2020, 25_000_000, "APBD Provinsi Jawa Timur"),
        ],
        "assessments": [
            (30, "444443433", {"facilities": "Lima mesin jahit, belum punya mesin obras sendiri."}),
            (18, "544444444", {"independence": "Mulai menerima pesanan seragam sekolah tanpa perantara."}),
            (
                5,
                "554454454",
                {
                    "institution": "Berbadan hukum koperasi sejak 2022; rapat anggota tahunan berjalan.",
                    "partnership": "Kontrak rutin seragam untuk tiga SD dan satu MTs di Karang Pilang.",
                    "facilities": "Tujuh mesin jahit, satu mesin obras, dan satu mesin bordir milik kelompok.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Rasa Kapasari",
        "village": "35.78.07.1003",
        "address": "Jl. Kapasari Gg. VI No. 9, RT 05 RW 07",
        "business": "warung-makan",
        "founded": date(2018, 9, 3),
        "families": 7,
        "stage": ProgrammeStage.BLPS,
        "meeting_day": Weekday.WEDNESDAY,
        "iks": 2000,
        "iks_balance": 960_000,
        "host": "pembimbing.surabaya@akademi.test",
        "places": 1,
        "grants": [(2018, 20_000_000, KEMENSOS), (2021, 10_000_000, "APBD Kota Surabaya")],
        "assessments": [
            (22, "322222222", {"management": "Uang warung dan uang pribadi ketua masih bercampur."}),
            (
                8,
                "433333333",
                {
                    "management": "Pembukuan harian rapi; laporan bulanan dibacakan di pertemuan.",
                    "membership": "Tujuh keluarga, dua di antaranya dikepalai janda.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Karya Bahari",
        "village": "35.78.09.1001",
        "address": "Jl. Keputih Tegal Timur, RT 01 RW 03",
        "business": "perikanan",
        "founded": date(2024, 2, 12),
        "families": 6,
        "stage": ProgrammeStage.PENUMBUHAN,
        "meeting_day": Weekday.TUESDAY,
        "iks": 2000,
        "iks_balance": 240_000,
        "host": None,
        "places": 0,
        "grants": [(2024, 20_000_000, KEMENSOS)],
        "assessments": [
            (
                4,
                "222221212",
                {
                    "management": "Buku kas baru dibuat dan masih diisi dengan bantuan pendamping.",
                    "facilities": "Tambak bandeng masih sewa dari warga lain.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Tunas Harapan",
        "village": "35.73.01.1002",
        "address": "Jl. Raden Intan Gg. Kenari, RT 06 RW 02",
        "business": "kerajinan",
        "founded": date(2024, 6, 17),
        "families": 5,
        "stage": ProgrammeStage.PENUMBUHAN,
        "meeting_day": Weekday.THURSDAY,
        "iks": 2000,
        "iks_balance": 150_000,
        "host": None,
        "places": 0,
        "grants": [(2024, 20_000_000, KEMENSOS)],
        "assessments": [(2, "221212212", {"activities": "Baru satu jenis produk: keset dari kain perca."})],
    },
    {
        "name": "KUBE Lestari Jaya",
        "village": "35.15.13.1019",
        "address": "Jl. Mushola Gg. Kenanga No. 5, RT 02 RW 04",
        "business": "olahan-pangan",
        "founded": date(2017, 4, 10),
        "families": 10,
        "stage": ProgrammeStage.LKM,
        "meeting_day": Weekday.THURSDAY,
        "iks": 3000,
        "iks_balance": 5_100_000,
        "host": "pembimbing.sidoarjo@akademi.test",
        "places": 2,
        "grants": [
            (2017, 20_000_000, KEMENSOS),
            (2019, 30_000_000, KEMENSOS),
            (2021, 15_000_000, "APBD Provinsi Jawa Timur"),
        ],
        # The latest assessment is more than a year old: a strong group that may not host until reassessed.
        "assessments": [
            (36, "443433333", {"activities": "Bandeng presto saja; kerupuk ikan masih rencana."}),
            (
                15,
                "544444444",
                {
                    "activities": "Bandeng presto, otak-otak, dan kerupuk ikan dijual ke toko oleh-oleh.",
                    "independence": "Mendapat pinjaman modal kerja dari bank daerah atas nama kelompok.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Rukun Santoso",
        "village": "35.15.18.2001",
        "address": "Jl. Pepelegi Indah, RT 08 RW 02",
        "business": "perdagangan",
        "founded": date(2020, 10, 5),
        "families": 9,
        "stage": ProgrammeStage.BLPS,
        "meeting_day": Weekday.MONDAY,
        "iks": 2000,
        "iks_balance": 870_000,
        "host": "pembimbing.sidoarjo@akademi.test",
        "places": 1,
        "grants": [(2020, 20_000_000, KEMENSOS), (2023, 10_000_000, "APBD Kabupaten Sidoarjo")],
        # Berkembang, but its total is still below the hosting threshold.
        "assessments": [
            (20, "322222322", {"institution": "Pengurus ada, tetapi aturan kelompok belum tertulis."}),
            (
                4,
                "333333322",
                {
                    "growth": "Omzet toko naik, tetapi banyak belanja tetangga yang dicatat sebagai utang.",
                    "facilities": "Kios menumpang di teras rumah ketua.",
                },
            ),
        ],
    },
    # --- Kalimantan Selatan ---------------------------------------------------------------------
    {
        "name": "KUBE Berkah Sasirangan",
        "village": "63.71.05.1003",
        "address": "Jl. Mawar Gg. Al-Amin No. 21, RT 11",
        "business": "kerajinan",
        "founded": date(2016, 2, 22),
        "families": 10,
        "stage": ProgrammeStage.LKM,
        "meeting_day": Weekday.SATURDAY,
        "iks": 5000,
        "iks_balance": 6_250_000,
        "host": "pembimbing.banjarmasin@akademi.test",
        "places": 2,
        "grants": [
            (2016, 20_000_000, KEMENSOS),
            (2018, 30_000_000, KEMENSOS),
            (2022, 20_000_000, "APBD Provinsi Kalimantan Selatan"),
        ],
        "assessments": [
            (27, "444343433", {"partnership": "Kain dijual sendiri dari rumah ke rumah dan lewat kenalan."}),
            (
                7,
                "545454444",
                {
                    "partnership": "Rutin ikut pameran kerajinan daerah dan memasok dua galeri sasirangan.",
                    "growth": "Omzet rata-rata naik dua kali lipat dalam dua tahun.",
                    "welfare_role": "Empat anggota kini menerima upah menjelujur setiap minggu.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Jukung Makmur",
        "village": "63.71.04.1004",
        "address": "Jl. Sungai Jingah, Gg. Hidayah RT 07",
        "business": "perikanan",
        "founded": date(2019, 7, 8),
        "families": 8,
        "stage": ProgrammeStage.BLPS,
        "meeting_day": Weekday.FRIDAY,
        "iks": 2000,
        "iks_balance": 1_450_000,
        "host": "pembimbing.banjarmasin@akademi.test",
        "places": 1,
        "grants": [(2019, 20_000_000, KEMENSOS), (2023, 15_000_000, "APBD Provinsi Kalimantan Selatan")],
        "assessments": [
            (30, "322322232", {"growth": "Panen pertama gagal karena air sungai keruh berminggu-minggu."}),
            (
                9,
                "433334333",
                {
                    "facilities": "Delapan keramba apung nila dan patin di tepi Sungai Martapura.",
                    "growth": "Dua kali panen berturut-turut menutup kerugian tahun sebelumnya.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Bina Ternak",
        "village": "63.72.02.1004",
        "address": "Jl. Guntung Payung, Komplek Karya Bhakti RT 03",
        "business": "peternakan",
        "founded": date(2018, 11, 19),
        "families": 7,
        "stage": ProgrammeStage.BLPS,
        "meeting_day": Weekday.TUESDAY,
        "iks": 2000,
        "iks_balance": 1_100_000,
        "host": "pembimbing.banjarmasin@akademi.test",
        "places": 1,
        "grants": [(2018, 20_000_000, KEMENSOS), (2021, 10_000_000, "APBD Kota Banjarbaru")],
        "assessments": [
            (
                10,
                "334333333",
                {
                    "activities": "Selain ayam potong, kelompok mulai menjual telur ayam kampung.",
                    "facilities": "Kandang bersama dekat saluran air; pernah tergenang saat hujan deras.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Gambut Sejahtera",
        "village": "63.03.03.2002",
        "address": "Jl. Sungai Kupang, Gg. Tani RT 02",
        "business": "pertanian",
        "founded": date(2023, 8, 14),
        "families": 6,
        "stage": ProgrammeStage.PENUMBUHAN,
        "meeting_day": Weekday.SUNDAY,
        "iks": 2000,
        "iks_balance": 360_000,
        "host": None,
        "places": 0,
        "grants": [(2023, 20_000_000, KEMENSOS)],
        "assessments": [
            (5, "222232222", {"partnership": "Penyuluh pertanian rutin datang; hasil panen masih dijual ke tengkulak."})
        ],
    },
    # --- DI Yogyakarta --------------------------------------------------------------------------
    {
        "name": "KUBE Ngudi Rejeki",
        "village": "34.02.15.2003",
        "address": "Padukuhan Ngoto, RT 05",
        "business": "kerajinan",
        "founded": date(2015, 9, 7),
        "families": 11,
        "stage": ProgrammeStage.LKM,
        "meeting_day": Weekday.SUNDAY,
        "iks": 3000,
        "iks_balance": 5_600_000,
        "host": "pembimbing.jogja@akademi.test",
        "places": 2,
        "grants": [(2015, 20_000_000, KEMENSOS), (2018, 30_000_000, KEMENSOS), (2021, 15_000_000, "APBD DIY")],
        "assessments": [
            (28, "444434433", {"partnership": "Batik cap dijual ke satu pengepul di Kota Yogyakarta."}),
            (
                2,
                "545444444",
                {
                    "activities": "Batik tulis, batik cap, dan pelatihan membatik untuk rombongan wisata.",
                    "independence": "Modal bergulir kelompok cukup untuk membeli kain dan malam setiap bulan.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Sido Makmur",
        "village": "34.04.12.2001",
        "address": "Padukuhan Jetis, RT 03 RW 12",
        "business": "pertanian",
        "founded": date(2019, 1, 21),
        "families": 8,
        "stage": ProgrammeStage.BLPS,
        "meeting_day": Weekday.MONDAY,
        "iks": 2000,
        "iks_balance": 1_340_000,
        "host": "pembimbing.jogja@akademi.test",
        "places": 1,
        "grants": [(2019, 20_000_000, KEMENSOS), (2022, 10_000_000, "APBD DIY")],
        "assessments": [
            (22, "332322322", {"facilities": "Satu kumbung jamur dari bambu, baglog masih dibeli."}),
            (
                6,
                "434333333",
                {
                    "activities": "Kelompok membuat baglog sendiri dan menjual keripik jamur.",
                    "partnership": "Memasok jamur segar ke dua rumah makan di Jalan Kaliurang.",
                },
            ),
        ],
    },
    {
        "name": "KUBE Guyub Rukun",
        "village": "34.71.09.1002",
        "address": "Kampung Panembahan, RT 14 RW 04",
        "business": "jasa",
        "founded": date(2024, 3, 4),
        "families": 5,
        "stage": ProgrammeStage.PENUMBUHAN,
        "meeting_day": Weekday.WEDNESDAY,
        "iks": 2000,
        "iks_balance": 180_000,
        "host": "pembimbing.jogja@akademi.test",
        "places": 0,
        "grants": [(2024, 20_000_000, KEMENSOS)],
        "assessments": [
            (3, "221211222", {"membership": "Lima keluarga; dua anggota sering absen karena bekerja harian."})
        ],
    },
]

# Logbook entries: (day, hours, activity, roles practised, what the apprentice wrote, what the host did):
# the host's action is ("countersign", note), ("return", note) or None (still waiting).
DEWI_LOGBOOK = [
    (
        -23,
        "3",
        ActivityType.GROUP_MEETING,
        ("fasilitator", "motivator"),
        _prose("""
            Hari pertama magang. Bu Suparmi memperkenalkan saya dalam pertemuan rutin KUBE Sekar Arum
            yang dihadiri sembilan dari sepuluh anggota. Saya mengamati cara ketua membuka rapat,
            membacakan laporan penjualan dua minggu terakhir, lalu mengajak anggota memutuskan berapa
            kilogram kedelai yang dibeli untuk produksi berikutnya. Semua keputusan dicatat sekretaris di
            buku notulen.
        """),
        ("countersign", "Selamat bergabung. Perhatikan juga siapa yang jarang bicara di rapat."),
    ),
    (
        -20,
        "5",
        ActivityType.PRODUCTION,
        ("fasilitator", "peneliti"),
        _prose("""
            Ikut produksi di dapur kelompok yang menumpang di rumah Bu Sulastri. Kami mengiris tipis tempe
            yang dibuat dua hari sebelumnya, mencelupkannya ke adonan tepung berbumbu, lalu
            menggorengnya. Saya mencatat bahan yang terpakai dan hasilnya: 12 kg kedelai menjadi 96
            bungkus keripik ukuran 200 gram.
        """),
        ("countersign", ""),
    ),
    (
        -17,
        "4",
        ActivityType.BOOKKEEPING,
        ("mobilisator", "pembimbing"),
        _prose("""
            Belajar pembukuan bersama bendahara, Bu Wiwik. Kelompok memakai tiga buku: buku kas umum,
            buku penjualan, dan buku iuran IKS. Saya membantu memindahkan nota pembelian kedelai, minyak,
            dan plastik kemasan ke buku kas, lalu mencocokkan saldonya dengan uang di kotak kas. Ada
            selisih Rp 15.000 yang ternyata berasal dari ongkos ojek pengantaran yang belum dicatat.
        """),
        ("countersign", "Bagus. Minggu depan coba susun sendiri laporan laba-rugi bulanan."),
    ),
    (
        -14,
        "3",
        ActivityType.IKS_COLLECTION,
        ("mobilisator", "motivator"),
        _prose("""
            Mendampingi penarikan iuran kesetiakawanan sosial dalam pertemuan rutin. Setiap anggota
            menyetor Rp 3.000 dan bendahara langsung mencatatnya di buku IKS di depan semua orang. Dua
            anggota belum membayar karena sedang tidak memegang uang tunai; kelompok sepakat mereka
            melunasinya di pertemuan berikutnya. Di akhir acara saldo dana IKS dibacakan agar semua
            anggota tahu.
        """),
        ("countersign", ""),
    ),
    (
        -10,
        "4.5",
        ActivityType.MARKETING,
        ("penghubung", "peneliti"),
        _prose("""
            Menemani Bu Suparmi dan dua anggota mengantar keripik ke tiga toko oleh-oleh di Kepanjen dan
            satu kios di Pasar Kepanjen. Di setiap tempat saya mencatat sisa barang titipan, harga jual,
            dan merek lain yang dipajang. Keripik kelompok dijual Rp 12.000, sedangkan merek lain rata-rata
            Rp 15.000 dengan kemasan yang lebih menarik. Pemilik satu toko meminta varian rasa pedas.
        """),
        ("countersign", "Catatan harga pesaing ini berguna, bawa ke pertemuan berikutnya."),
    ),
    (
        -7,
        "4",
        ActivityType.PARTNERSHIP_VISIT,
        ("penghubung", "advokator"),
        _prose("""
            Kunjungan ke BRI Unit Kepanjen bersama ketua dan bendahara untuk menanyakan Kredit Usaha
            Rakyat bagi kelompok. Kami membawa buku kas dan daftar anggota.
        """),
        (
            "return",
            "Tolong dilengkapi: siapa petugas yang kita temui dan apa saja syarat yang diminta. "
            "Jamnya juga dicek lagi, kunjungan kita hanya sekitar dua jam.",
        ),
    ),
    (
        -4,
        "3",
        ActivityType.HOME_VISIT,
        ("motivator", "pembimbing"),
        _prose("""
            Kunjungan rumah ke Bu Tumini yang sudah dua kali tidak datang ke pertemuan. Ternyata suaminya
            sakit dan ia harus menggantikan berjualan sayur setiap pagi. Kami membicarakan kemungkinan ia
            tetap ikut produksi pada sore hari dan menitipkan iurannya lewat tetangga. Bu Tumini berjanji
            hadir lagi di pertemuan berikutnya.
        """),
        None,
    ),
    (
        -1,
        "3.5",
        ActivityType.GROUP_MEETING,
        ("evaluator", "fasilitator"),
        _prose("""
            Pertemuan rutin dengan agenda evaluasi penjualan bulan ini. Saya menyampaikan catatan harga
            dari toko-toko yang kami kunjungi dan permintaan rasa pedas. Anggota sepakat mencoba 20
            bungkus rasa pedas dan memperbaiki label kemasan. Bu Wiwik menghitung tambahan biaya cabai,
            sedangkan saya membantu membuat contoh label.
        """),
        None,
    ),
]

AHMAD_LOGBOOK = [
    (
        -24,
        "3",
        ActivityType.GROUP_MEETING,
        ("fasilitator", "motivator"),
        _prose("""
            Perkenalan dengan pengurus dan anggota KUBE Berkah Sasirangan dalam pertemuan rutin di rumah
            ketua, Ibu Hj. Masliani. Pertemuan dibuka dengan pembacaan notulen lalu membahas pesanan kain
            untuk seragam pegawai kelurahan. Saya mencatat cara pengurus membagi pesanan kepada anggota
            sesuai kemampuan masing-masing.
        """),
        ("countersign", ""),
    ),
    (
        -21,
        "5",
        ActivityType.PRODUCTION,
        ("fasilitator", "peneliti"),
        _prose("""
            Belajar tahapan membuat kain sasirangan: menggambar motif, menjelujur dengan benang, menarik
            jelujuran, lalu mencelup kain ke pewarna. Seorang anggota menunjukkan bahwa jelujuran yang
            kurang rapat membuat motif tidak tegas. Dari pengamatan saya, satu lembar kain butuh sekitar
            dua hari dari menjelujur sampai kering.
        """),
        ("countersign", ""),
    ),
    (
        -17,
        "4",
        ActivityType.MARKETING,
        ("penghubung",),
        _prose("""
            Membantu menjaga stan kelompok di pameran produk UMKM di Siring Menara Pandang. Saya melayani
            pembeli, mencatat penjualan, dan menanyakan kepada pengunjung motif apa yang mereka cari.
            Banyak pengunjung dari luar daerah menanyakan sasirangan dengan pewarna alam.
        """),
        ("countersign", "Lain kali tulis juga berapa lembar yang laku, supaya bisa dibandingkan."),
    ),
    (
        -13,
        "3",
        ActivityType.BOOKKEEPING,
        ("mobilisator",),
        _prose("""
            Bersama bendahara memeriksa buku kas dan catatan pinjaman anggota. Dua anggota terlambat
            mengangsur pinjaman modal dari kelompok. Saya membuat tabel sederhana berisi besar pinjaman,
            angsuran yang sudah masuk, dan sisanya, untuk dibahas di pertemuan berikutnya.
        """),
        None,
    ),
    (
        -10,
        "4",
        ActivityType.PARTNERSHIP_VISIT,
        ("penghubung", "advokator"),
        _prose("""
            Mendampingi ketua ke Dinas Koperasi dan UKM Kota Banjarmasin untuk menanyakan pelatihan
            pengemasan dan pendaftaran merek. Petugas menjelaskan bahwa kelompok perlu Nomor Induk
            Berusaha lebih dulu dan dapat mengurusnya secara daring. Saya mencatat berkas yang diperlukan
            dan akan membantu ketua mengisi formulirnya.
        """),
        None,
    ),
]

RUSDIANSYAH_LOGBOOK = [
    (
        -26,
        "3",
        ActivityType.GROUP_MEETING,
        ("fasilitator",),
        _prose("""
            Hari pertama di KUBE Bina Ternak. Saya ikut pertemuan rutin yang membahas jadwal piket memberi
            pakan dan membersihkan kandang bersama. Ketua menjelaskan bahwa kelompok memelihara sekitar
            300 ekor ayam kampung dan menjual ayam potong ke warung makan di sekitar bandara.
        """),
        ("countersign", ""),
    ),
    (
        -23,
        "4",
        ActivityType.PRODUCTION,
        ("fasilitator", "peneliti"),
        _prose("""
            Membantu vaksinasi ayam umur tiga minggu bersama petugas kesehatan hewan. Saya mencatat jumlah
            ayam yang divaksin dan yang tampak sakit. Air hujan mulai menggenangi sebagian lantai kandang,
            sehingga sekam harus lebih sering diganti.
        """),
        None,
    ),
]

NURHAYATI_LOGBOOK = [
    (
        -25,
        "5",
        ActivityType.GROUP_MEETING,
        ("fasilitator", "motivator"),
        _prose("""
            Hari pertama magang di KUBE Mawar Sejahtera. Bu Khotimah memperkenalkan saya kepada para
            anggota dalam pertemuan rutin, lalu ketua menceritakan perjalanan kelompok: dimulai tahun 2015
            dengan tiga mesin jahit bantuan dan kini sudah menjadi koperasi. Saya mencatat susunan
            pengurus, aturan kelompok, dan jadwal pertemuan.
        """),
        ("countersign", ""),
    ),
    (
        -24,
        "5",
        ActivityType.PRODUCTION,
        ("fasilitator", "peneliti"),
        _prose("""
            Mengamati alur produksi seragam sekolah: kain dipotong oleh dua anggota yang paling
            berpengalaman, dijahit di rumah masing-masing, lalu dipasangi kancing dan dikemas di rumah
            produksi. Rata-rata satu kemeja selesai dijahit dalam 40 menit. Pekerjaan sering menumpuk di
            tahap obras karena hanya ada satu mesin.
        """),
        ("countersign", "Pengamatan soal mesin obras tepat, ini juga sedang kami pikirkan."),
    ),
    (
        -23,
        "5",
        ActivityType.BOOKKEEPING,
        ("mobilisator",),
        _prose("""
            Belajar pembukuan koperasi bersama bendahara: buku kas, buku persediaan kain, buku piutang
            sekolah, dan buku simpanan anggota. Saya berlatih mencatat transaksi seminggu terakhir dan
            menyusun neraca sederhana. Catatan kelompok ini jauh lebih lengkap daripada KUBE yang pernah
            saya lihat di kampung saya.
        """),
        ("countersign", ""),
    ),
    (
        -21,
        "6",
        ActivityType.MARKETING,
        ("penghubung",),
        _prose("""
            Ikut ketua menemui kepala sekolah dan bendahara komite di dua SD negeri di Kedurus untuk
            membicarakan pesanan seragam tahun ajaran baru. Saya mencatat jumlah siswa, ukuran yang
            dibutuhkan, dan tenggat pengiriman. Ketua menawarkan harga per stel dengan pembayaran dua
            tahap: uang muka saat pesan dan pelunasan saat barang diterima.
        """),
        ("countersign", ""),
    ),
    (
        -20,
        "5",
        ActivityType.IKS_COLLECTION,
        ("mobilisator", "motivator"),
        _prose("""
            Mendampingi penarikan iuran kesetiakawanan sosial Rp 5.000 per anggota dan pencatatannya.
            Dana IKS dipakai untuk menjenguk anggota yang sakit dan membantu anggota yang tertimpa
            musibah. Hari ini pengurus memutuskan memberi bantuan kepada keluarga anggota yang atap
            rumahnya rusak diterjang angin.
        """),
        ("countersign", ""),
    ),
    (
        -19,
        "5",
        ActivityType.HOME_VISIT,
        ("motivator", "pembimbing"),
        _prose("""
            Mengunjungi dua anggota yang menjahit di rumah. Mesin jahit Bu Sumiati rusak sejak seminggu
            lalu sehingga jatah jahitannya dialihkan ke anggota lain. Kami mencari tukang servis di
            sekitar Kedurus dan menyepakati biaya perbaikan dipinjam dari kas kelompok, dicicil dari
            upah jahit berikutnya.
        """),
        ("countersign", ""),
    ),
    (
        -17,
        "5",
        ActivityType.PRODUCTION,
        ("fasilitator", "evaluator"),
        _prose("""
            Membantu pemeriksaan mutu 150 kemeja sebelum dikirim. Dua belas kemeja harus diperbaiki
            karena jahitan kerahnya miring. Saya mencatat siapa yang menjahit tiap ikat supaya perbaikan
            bisa dibicarakan langsung dengan penjahitnya, tanpa menyalahkan di depan orang banyak.
        """),
        ("countersign", "Cara menyampaikan temuan mutu sudah tepat."),
    ),
    (
        -16,
        "5",
        ActivityType.PARTNERSHIP_VISIT,
        ("penghubung", "advokator"),
        _prose("""
            Mendampingi ketua dan bendahara ke Bank Jatim untuk membicarakan pinjaman modal kerja guna
            membeli mesin obras kedua. Petugas meminta laporan keuangan dua tahun terakhir dan daftar
            pesanan yang sudah pasti. Saya membantu menyiapkan daftar berkas dan mencatat rincian bunga
            serta jangka waktu angsuran.
        """),
        ("countersign", ""),
    ),
    (
        -15,
        "4.5",
        ActivityType.GROUP_MEETING,
        ("fasilitator", "evaluator"),
        _prose("""
            Pertemuan anggota untuk memutuskan rencana pinjaman bank. Saya membantu menuliskan
            keuntungan dan risikonya di papan tulis, termasuk berapa tambahan pesanan yang dibutuhkan
            agar angsuran tertutup. Setelah diskusi, sepuluh dari dua belas anggota setuju mengajukan
            pinjaman.
        """),
        ("countersign", ""),
    ),
    (
        -13,
        "5",
        ActivityType.OTHER,
        ("peneliti",),
        _prose("""
            Menyusun kuesioner singkat tentang pendapatan anggota sebelum dan sesudah bergabung dengan
            kelompok, lalu mewawancarai lima anggota. Rata-rata mereka kini mendapat upah jahit antara Rp
            600.000 dan Rp 900.000 per bulan saat pesanan ramai. Hasilnya akan saya rangkum untuk laporan
            rapat anggota tahunan.
        """),
        ("countersign", "Lanjutkan ke anggota yang lain, datanya kami pakai untuk laporan koperasi."),
    ),
    (
        -12,
        "5.5",
        ActivityType.PRODUCTION,
        ("fasilitator", "mobilisator"),
        _prose("""
            Membantu menyiapkan pesanan 60 mukena dari pedagang grosir di Pasar Turi. Saya menghitung
            kebutuhan kain dan renda, membagi potongan kepada enam penjahit, dan membuat daftar setoran
            agar upah setiap orang tercatat sesuai jumlah yang diselesaikan.
        """),
        ("countersign", ""),
    ),
    (
        -11,
        "5",
        ActivityType.BOOKKEEPING,
        ("mobilisator", "evaluator"),
        _prose("""
            Menghitung harga pokok produksi seragam bersama bendahara: kain, benang, kancing, upah
            jahit, listrik, dan penyusutan mesin. Ternyata harga yang disepakati dengan salah satu sekolah
            hanya menyisakan untung Rp 4.000 per stel. Temuan ini akan dibawa ke rapat pengurus sebelum
            kontrak tahun depan.
        """),
        ("countersign", ""),
    ),
    (
        -9,
        "5",
        ActivityType.MARKETING,
        ("penghubung", "peneliti"),
        _prose("""
            Membantu dua anggota muda membuat katalog produk di WhatsApp Business. Kami memotret seragam,
            mukena, dan tas kain di teras rumah produksi, lalu menuliskan ukuran dan harganya. Dalam dua
            hari sudah ada tiga orang tua murid yang bertanya tentang pesanan seragam olahraga.
        """),
        ("countersign", ""),
    ),
    (
        -8,
        "5",
        ActivityType.GROUP_MEETING,
        ("pembimbing", "fasilitator"),
        _prose("""
            Rapat pengurus untuk menyusun rencana kerja tiga bulan ke depan. Saya memandu pembahasan per
            bagian: produksi, pemasaran, keuangan, dan kegiatan sosial. Rencana yang disepakati
            ditulis dalam tabel berisi kegiatan, penanggung jawab, dan waktu, lalu ditempel di rumah
            produksi.
        """),
        ("countersign", "Rencana kerjanya realistis. Terima kasih sudah memandu."),
    ),
    (
        -6,
        "5",
        ActivityType.OTHER,
        ("advokator", "penghubung"),
        _prose("""
            Mendampingi Bu Rohmah ke kantor kelurahan dan puskesmas untuk mengurus kepesertaan BPJS
            Kesehatan bagi anaknya yang belum terdaftar. Kami membawa kartu keluarga dan surat keterangan
            dari kelurahan. Berkas diterima dan petugas berjanji kartunya aktif dalam dua minggu.
        """),
        ("countersign", ""),
    ),
    (
        -5,
        "5",
        ActivityType.GROUP_MEETING,
        ("evaluator", "pembimbing"),
        _prose("""
            Pertemuan penutup magang. Saya menyampaikan catatan selama tiga minggu: alur produksi,
            perhitungan harga pokok, dan hasil wawancara pendapatan anggota. Anggota memberi masukan
            tentang cara saya mendampingi, terutama agar lebih tegas saat membahas tunggakan. Saya
            berterima kasih atas kesempatan belajar di kelompok ini.
        """),
        ("countersign", "Terima kasih, Nurhayati. Semoga berhasil mendampingi KUBE sendiri."),
    ),
]

NURHAYATI_EVALUATION = {
    "recommendation": Recommendation.STRONGLY,
    "comment": _prose("""
        Nurhayati siap mendampingi KUBE sendiri. Ia teliti, rajin mencatat, dan cepat dipercaya
        anggota. Saran kami: terus berlatih menyampaikan hal yang kurang enak, misalnya soal tunggakan,
        secara langsung kepada yang bersangkutan.
    """),
    "scores": {
        "fasilitator": (5, "Memandu rapat dengan tenang dan memberi kesempatan anggota yang pendiam bicara."),
        "motivator": (4, "Sabar mendekati anggota yang sedang kesulitan, dan hasilnya terlihat."),
        "penghubung": (5, "Cepat akrab dengan pihak sekolah dan bank; catatan pertemuannya lengkap."),
        "mobilisator": (4, "Pembukuan dan harga pokok sudah benar; perlu lebih berani menagih piutang."),
        "peneliti": (5, "Survei pendapatan anggota yang ia susun kami pakai untuk laporan koperasi."),
        "evaluator": (4, "Temuan mutu jahitan disampaikan dengan baik, tanpa menyalahkan."),
        "advokator": (4, "Mendampingi anggota mengurus BPJS Kesehatan sampai berkas diterima."),
        "pembimbing": (4, "Rencana kerja tiga bulan yang disusun bersama pengurus masuk akal."),
    },
}

# The cohorts of courses/demo.py the trainees are enrolled in.
JATIM_COHORT = "Angkatan I Jawa Timur 2026"
KALSEL_COHORT = "Angkatan I Kalimantan Selatan 2026"

# Placements, played through the workflow in this order (a KUBE's single place is taken by one
# placement after another has completed). Days are offsets from today.
PLACEMENTS = [
    {
        # Completed: three weeks' block placement, every hour countersigned, signed off.
        "trainee": "nurhayati@akademi.test",
        "kube": "KUBE Mawar Sejahtera",
        "cohort": JATIM_COHORT,
        "period": (-25, -3),
        "proposed": ("pengajar@akademi.test", -28),
        "decision": ("approve", "penyelia.jatim@akademi.test", -27, ""),
        "logbook": NURHAYATI_LOGBOOK,
        "evaluation": (-3, NURHAYATI_EVALUATION),
        "sign_off": ("penyelia.jatim@akademi.test", -2),
    },
    {
        # Active: the trainee demo account, hosted by the host mentor demo account.
        "trainee": "peserta@akademi.test",
        "kube": "KUBE Sekar Arum",
        "cohort": JATIM_COHORT,
        "period": (-24, 36),
        "proposed": ("pengajar@akademi.test", -27),
        "decision": ("approve", "penyelia.jatim@akademi.test", -26, ""),
        "logbook": DEWI_LOGBOOK,
    },
    {
        # Approved: starts next week; it takes the last place at Mawar Sejahtera.
        "trainee": "joko.susilo@akademi.test",
        "kube": "KUBE Mawar Sejahtera",
        "cohort": JATIM_COHORT,
        "period": (5, 40),
        "proposed": ("pengajar@akademi.test", -1),
        "decision": ("approve", "penyelia.jatim@akademi.test", 0, ""),
    },
    {
        # Proposed: waiting for the supervisor of Jawa Timur.
        "trainee": "agus.salim@akademi.test",
        "kube": "KUBE Sumber Rejeki",
        "cohort": JATIM_COHORT,
        "period": (14, 50),
        "proposed": ("pengajar@akademi.test", 0),
    },
    {
        # Active, but the logbook has gone quiet for more than a week.
        "trainee": "ahmad.fauzi@akademi.test",
        "kube": "KUBE Berkah Sasirangan",
        "cohort": KALSEL_COHORT,
        "period": (-25, 20),
        "proposed": ("pengajar@akademi.test", -28),
        "decision": ("approve", "penyelia.kalsel@akademi.test", -27, ""),
        "logbook": AHMAD_LOGBOOK,
    },
    {
        # Withdrawn after the KUBE's coop flooded; the trainee is then proposed elsewhere (below).
        "trainee": "rusdiansyah@akademi.test",
        "kube": "KUBE Bina Ternak",
        "cohort": KALSEL_COHORT,
        "period": (-26, 15),
        "proposed": ("pengajar@akademi.test", -28),
        "decision": ("approve", "penyelia.kalsel@akademi.test", -27, ""),
        "logbook": RUSDIANSYAH_LOGBOOK,
        "withdrawal": (
            "penyelia.kalsel@akademi.test",
            -20,
            "Kandang kelompok terendam banjir setelah hujan deras berhari-hari dan kegiatan KUBE dihentikan "
            "sementara. Peserta akan diusulkan magang di KUBE lain.",
        ),
    },
    {
        # Proposed again, at another KUBE, after the withdrawal.
        "trainee": "rusdiansyah@akademi.test",
        "kube": "KUBE Berkah Sasirangan",
        "cohort": KALSEL_COHORT,
        "period": (7, 50),
        "proposed": ("pengajar@akademi.test", -2),
    },
    {
        # Rejected: the trainee has barely begun the course.
        "trainee": "siti.aminah@akademi.test",
        "kube": "KUBE Jukung Makmur",
        "cohort": KALSEL_COHORT,
        "period": (-5, 35),
        "proposed": ("pengajar@akademi.test", -12),
        "decision": (
            "reject",
            "penyelia.kalsel@akademi.test",
            -10,
            "Peserta baru menyelesaikan satu pelajaran dan dua minggu terakhir tidak belajar. Silakan "
            "diusulkan kembali setelah modul Fasilitator dan Motivator selesai.",
        ),
    },
]

# Trainees without a placement yet, and the businesses they would like to learn from.
INTERESTS = [
    ("rina.wati@akademi.test", ["olahan-pangan", "warung-makan"]),
    ("wahyu.nugroho@akademi.test", ["pertanian", "peternakan"]),
    ("endang.sulastri@akademi.test", ["kerajinan", "menjahit"]),
    ("budi.santoso@akademi.test", ["perdagangan", "jasa"]),
]
