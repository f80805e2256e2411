"""Mentor roles and study aspects used to tag the demo curriculum.

The eight roles follow the list of social-mentor roles in the source study from Banjarmasin
(seed 003, section B.1); the four aspects are the aspects measured in the East Java mentor-model
study (seed 002). Both are plain data so that the page builder can load them as editable
snippets.
"""

MENTOR_ROLES = [
    {
        "slug": "fasilitator",
        "name_id": "Fasilitator",
        "name_en": "Facilitator",
        "description": "Fasilitator memudahkan kelompok bekerja, bukan mengambil alih. Ia menuntun keluarga miskin menuju kebiasaan yang lebih produktif dengan bantuan teknis dan pengetahuan, serta memandu pertemuan agar semua anggota ikut memutuskan.",
        "colour": "#1f6f8b",
        "icon": "group",
        "sort_order": 1,
    },
    {
        "slug": "motivator",
        "name_id": "Motivator",
        "name_en": "Motivator",
        "description": "Motivator membangkitkan niat dan semangat berusaha. Ia membantu anggota menyadari masalah dan kekuatannya sendiri, memberi teladan, dan terus mengajak semua anggota hadir dalam pertemuan rutin.",
        "colour": "#b45309",
        "icon": "pick",
        "sort_order": 2,
    },
    {
        "slug": "penghubung",
        "name_id": "Penghubung",
        "name_en": "Broker",
        "description": "Penghubung menjembatani KUBE dengan sumber kesejahteraan sosial di luar kelompok. Contohnya dinas perdagangan untuk kemasan dan pasar, dinas koperasi untuk manajemen usaha, serta lembaga keuangan untuk tambahan modal.",
        "colour": "#6d28d9",
        "icon": "link",
        "sort_order": 3,
    },
    {
        "slug": "mobilisator",
        "name_id": "Mobilisator & Alokator",
        "name_en": "Mobiliser and allocator",
        "description": "Mobilisator dan alokator menghimpun, memakai, dan mempertanggungjawabkan sumber daya kelompok. Ia membantu kelompok membagi dana, tenaga, dan hasil usaha secara adil, serta menata tabungan dan simpan pinjam.",
        "colour": "#047857",
        "icon": "table",
        "sort_order": 4,
    },
    {
        "slug": "peneliti",
        "name_id": "Peneliti",
        "name_en": "Researcher",
        "description": "Peneliti mengumpulkan dan mengolah data sederhana untuk menjawab pertanyaan nyata kelompok. Hasilnya dipakai untuk memperbaiki usaha dan cara pemberdayaan keluarga miskin.",
        "colour": "#1d4ed8",
        "icon": "search",
        "sort_order": 5,
    },
    {
        "slug": "evaluator",
        "name_id": "Evaluator",
        "name_en": "Evaluator",
        "description": "Evaluator menilai pilihan yang tersedia bagi kelompok dan menilai jalannya program. Ia memberi umpan balik dan saran agar KUBE naik kelas dan mutu pendampingan meningkat.",
        "colour": "#be123c",
        "icon": "tick-inverse",
        "sort_order": 6,
    },
    {
        "slug": "advokator",
        "name_id": "Advokator",
        "name_en": "Advocate",
        "description": "Advokator membela kepentingan dan hak anggota KUBE di hadapan pihak lain. Contoh yang paling sering: mengawal pencairan dana bantuan agar dipakai untuk usaha, bukan untuk konsumsi.",
        "colour": "#a21caf",
        "icon": "warning",
        "sort_order": 7,
    },
    {
        "slug": "pembimbing",
        "name_id": "Pembimbing & Perencana",
        "name_en": "Guide and planner",
        "description": "Pembimbing dan perencana menyusun rencana kerja bersama kelompok dan membimbing pelaksanaannya. Ia juga memberi informasi yang dibutuhkan anggota untuk memecahkan masalah dan mengembangkan usaha.",
        "colour": "#4d7c0f",
        "icon": "tasks",
        "sort_order": 8,
    },
]

ASPECTS = [
    {
        "slug": "rekrutmen",
        "name_id": "Rekrutmen calon pendamping",
        "name_en": "Recruitment of candidate mentors",
        "description": "Cara memilih calon pendamping dari masyarakat menurut integritas, kapasitas, dan syarat khusus: pendidikan minimal SLTA, motivasi untuk melayani, dan jiwa kepemimpinan.",
    },
    {
        "slug": "pentingnya-pelatihan",
        "name_id": "Pentingnya pelatihan",
        "name_en": "The importance of training",
        "description": "Alasan pendamping perlu dibekali sebelum dan selama bertugas. Banyak KUBE tersendat karena pendampingnya belum terlatih untuk menjalankan perannya.",
    },
    {
        "slug": "pelaksanaan-pelatihan",
        "name_id": "Pelaksanaan pelatihan",
        "name_en": "How training is run",
        "description": "Bagaimana pembekalan direncanakan dan dijalankan: peserta, materi, metode, dana, waktu, pengajar, dan sarana, ditambah praktik magang di KUBE yang berhasil dan kemitraan dengan berbagai pihak.",
    },
    {
        "slug": "peran-dalam-uep",
        "name_id": "Peran pendamping dalam usaha ekonomi produktif",
        "name_en": "The mentor's role in the families' productive business",
        "description": "Apa yang dikerjakan pendamping dalam usaha ekonomi produktif keluarga miskin: memilih dan merencanakan usaha, mencatat keuangan, memasarkan hasil, serta menjalin kemitraan.",
    },
]
