"""PKUBE-101, modules for roles 5-6: Peneliti and Evaluator."""

MODULE_PENELITI = {
    "title": "Pendamping sebagai Peneliti",
    "slug": "peneliti",
    "intro": "Keputusan yang baik bertumpu pada data, walaupun sederhana. Modul ini mengajarkan cara melakukan penelitian kecil di lapangan dan cara membaca hasil uji coba model pendamping yang menjadi dasar pelatihan ini.",
    "role": "peneliti",
    "lessons": [
        {
            "title": "Penelitian sederhana untuk memperbaiki KUBE",
            "slug": "penelitian-sederhana",
            "summary": "Lima langkah penelitian kecil yang dapat dikerjakan pendamping, dari merumuskan pertanyaan sampai membahas hasilnya bersama kelompok.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Pendamping juga peneliti</h2><p>Penelitian di sini bukan skripsi atau laporan tebal. Pendamping melakukan penelitian sederhana untuk menjawab pertanyaan nyata yang membantu pemberdayaan kelompok. Contohnya: mengapa kehadiran anggota menurun, produk mana yang paling laku, atau berapa harga yang mau dibayar pembeli.</p><p>Data kecil yang dikumpulkan dengan jujur lebih berguna daripada dugaan. Dengan data, kelompok dapat memutuskan berdasarkan kenyataan, bukan perasaan.</p>",
                ),
                (
                    "text",
                    "<h2>Lima langkah</h2><ol><li><b>Rumuskan satu pertanyaan</b> yang jelas, misalnya: 'Di mana keripik kita paling laku?'</li><li><b>Tentukan data</b> yang dibutuhkan dan dari siapa data itu diperoleh.</li><li><b>Kumpulkan data</b> dengan pengamatan, wawancara singkat, catatan penjualan, atau daftar hadir.</li><li><b>Olah secara sederhana</b>: hitung, bandingkan, lalu susun dalam tabel kecil.</li><li><b>Bahas hasilnya</b> di pertemuan dan putuskan tindakan bersama.</li></ol><p>Bandingkan keadaan <b>sebelum</b> dan <b>sesudah</b> suatu perubahan. Dengan begitu kelompok tahu apakah langkah yang diambil benar-benar membawa hasil.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Mengapa keripik tempe kurang laku?",
                        "place": "Desa Tegalrejo, Kabupaten Malang",
                        "story": "<p>KUBE Tunas Harapan memproduksi keripik tempe dalam bungkus besar seharga Rp10.000 dan menitipkannya di pasar kecamatan. Penjualannya lambat, dan anggota mulai saling menyalahkan.</p><p>Pendamping, Mbak Sari, mengusulkan penelitian kecil selama empat minggu. Anggota mencatat penjualan di tiga tempat: pasar kecamatan, warung dekat sekolah, dan toko oleh-oleh di jalan raya. Mereka juga bertanya kepada 20 pembeli tentang ukuran bungkus yang mereka sukai. Hasilnya, warung sekolah paling laku untuk bungkus kecil Rp2.000, sedangkan toko oleh-oleh cocok untuk bungkus besar berlabel. Kelompok lalu membuat dua ukuran. Dua bulan kemudian penjualan naik hampir dua kali lipat.</p>",
                        "questions": [
                            "Apa pertanyaan penelitian KUBE Tunas Harapan?",
                            "Data apa saja yang dikumpulkan, dan dari siapa?",
                        ],
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Etika mengumpulkan data",
                        "items": [
                            "Minta izin sebelum bertanya atau mencatat.",
                            "Jelaskan tujuan pengumpulan data dengan bahasa sederhana.",
                            "Jangan memaksa orang menjawab.",
                            "Jangan menyebarkan nama, penghasilan, atau masalah pribadi anggota.",
                            "Simpan catatan di tempat yang aman.",
                            "Kembalikan hasilnya kepada kelompok.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Tulis satu pertanyaan tentang usaha atau kegiatan kelompok di desa Anda yang ingin Anda jawab dengan penelitian kecil. Data apa yang akan Anda kumpulkan, dari siapa, dan berapa lama?",
                        "guidance": "Pilih pertanyaan yang jawabannya bisa langsung dipakai untuk mengambil keputusan.",
                    },
                ),
            ],
        },
        {
            "title": "Belajar dari uji coba model pendamping di Jawa Timur",
            "slug": "uji-coba-model-pendamping",
            "summary": "Bagaimana sebuah penelitian di Jawa Timur menyusun dan menguji model pendamping KUBE dengan pre-test, post-test, dan kelompok pembanding.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Menyusun model</h2><p>Dinas Sosial Provinsi Jawa Timur sudah lama memberi pelatihan kepada pendamping KUBE. Namun evaluasi menunjukkan 80% pendamping belum menjalankan perannya dengan baik. Sebuah penelitian lalu menyusun model pendamping dalam dua tahap.</p><p>Pada tahap pertama peneliti mewawancarai 10 pendamping tentang pendampingan yang selama ini berjalan dan yang mereka harapkan, lalu membandingkannya dengan teori dan petunjuk pelaksanaan. Hasilnya adalah model dengan empat unsur: <b>rekrutmen</b> calon pendamping; <b>pembekalan</b> yang direncanakan dari segi peserta, materi, metode, dana, waktu, pengajar, dan sarana; <b>magang</b> di KUBE yang berhasil; serta <b>kemitraan</b> antara pemerintah, swasta, dan masyarakat.</p>",
                ),
                (
                    "image",
                    {
                        "image": "model-pelatihan-pendamping",
                        "alt": "Bagan alur model pendamping: Rekrutmen, lalu Pre-test, Pembekalan, Magang di KUBE berprestasi, Post-test, dan Pendampingan KUBE. Di bawah semua tahap ada pita bertuliskan Kemitraan pemerintah, swasta, dan masyarakat.",
                        "caption": "Model pendamping KUBE yang diuji di Jawa Timur.",
                    },
                ),
                (
                    "text",
                    "<h2>Menguji model</h2><p>Pada tahap kedua model diuji dengan <b>kuasi-eksperimen</b>. Ada 40 peserta: 20 orang mengikuti model (kelompok perlakuan) dan 20 orang tidak (kelompok pembanding). Semua mengerjakan <b>pre-test</b> sebelum dan <b>post-test</b> sesudahnya, tentang empat aspek: rekrutmen calon pendamping, pentingnya pembekalan, pelaksanaan pembekalan, dan peran pendamping dalam usaha ekonomi produktif.</p><p>Uji statistik <b>chi-square</b> memperlihatkan perubahan yang bermakna (nilai p kurang dari 0,05) pada kelompok perlakuan. Artinya, peluang perubahan sebesar itu muncul hanya karena kebetulan kurang dari 5 dalam 100. Pada kelompok pembanding tidak ada perubahan berarti.</p><p>Kursus ini mengikuti jalur yang sama: pre-test, materi per peran, post-test, lalu magang di KUBE berprestasi.</p>",
                ),
                (
                    "practice_question",
                    {
                        "question": "Mengapa penelitian itu memakai kelompok pembanding yang tidak mengikuti model?",
                        "choices": [
                            {
                                "text": "Supaya biaya pelatihan lebih murah.",
                                "is_correct": False,
                                "feedback": "Kelompok pembanding tetap harus diuji, jadi tujuannya bukan menghemat biaya.",
                            },
                            {
                                "text": "Supaya peneliti yakin bahwa perubahan disebabkan oleh model, bukan oleh waktu atau hal lain.",
                                "is_correct": True,
                                "feedback": "Tepat. Bila hanya kelompok perlakuan yang berubah, besar kemungkinan perubahan itu berasal dari model.",
                            },
                            {
                                "text": "Karena peserta kelompok pembanding tidak memenuhi syarat menjadi pendamping.",
                                "is_correct": False,
                                "feedback": "Kedua kelompok sama-sama calon atau pendamping. Bedanya hanya ada atau tidaknya perlakuan.",
                            },
                        ],
                        "explanation": "Dengan membandingkan kelompok yang mendapat perlakuan dan yang tidak, peneliti dapat memisahkan pengaruh model dari pengaruh lain.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Anda juga mengerjakan pre-test sebelum kursus ini. Menurut Anda, pemahaman Anda tentang aspek mana yang paling banyak berubah sejauh ini, dan mengapa?",
                        "guidance": "Sebutkan satu contoh pengetahuan atau sikap yang berubah.",
                    },
                ),
            ],
        },
    ],
}

MODULE_EVALUATOR = {
    "title": "Pendamping sebagai Evaluator",
    "slug": "evaluator",
    "intro": "Evaluator menilai seberapa jauh KUBE telah berkembang dan memberi umpan balik yang membangun. Modul ini membahas kelas KUBE, sembilan indikator, dan hasil nyata yang perlu dipantau bagi keluarga anggota.",
    "role": "evaluator",
    "lessons": [
        {
            "title": "Menilai kelas KUBE: Tumbuh, Berkembang, Mandiri",
            "slug": "kelas-kube",
            "summary": "Ciri KUBE Tumbuh, Berkembang, dan Mandiri, serta cara menentukan kelas sebuah KUBE dari bukti di lapangan.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Memberi penilaian yang berguna</h2><p>Evaluator memberi penilaian, saran, dan masukan kepada kelompok tentang pilihan yang sesuai dengan kebutuhannya. Ia juga menilai program secara keseluruhan agar mutu pendampingan meningkat.</p><p>Salah satu alat penilaian adalah <b>kelas KUBE</b>. Kelas menunjukkan posisi kelompok sekarang dan langkah berikutnya.</p>",
                ),
                (
                    "image",
                    {
                        "image": "tangga-kelas-kube",
                        "alt": "Tangga tiga anak tangga yang naik dari kiri ke kanan: Tumbuh (catatan dan pengurus ada, umur kurang dari satu tahun), Berkembang (catatan lengkap, pasar dan aset bertambah), Mandiri (akses lembaga keuangan, membentuk LKM atau koperasi).",
                        "caption": "Tiga kelas KUBE. Sebagian pedoman menyebut kelas tertinggi KUBE Mantap.",
                    },
                ),
                (
                    "text",
                    "<h2>Ciri setiap kelas</h2><h3>Tumbuh</h3><ul><li>Sudah ada catatan kegiatan dan struktur pengurus.</li><li>Pemasaran dan kepemilikan aset masih terbatas.</li><li>Umur KUBE kurang dari satu tahun.</li></ul><h3>Berkembang</h3><ul><li>Catatan administrasi lengkap dan organisasi makin tertata.</li><li>Jangkauan pemasaran meluas dan aset bertambah.</li><li>Akses ke sumber dari luar makin terbuka.</li></ul><h3>Mandiri</h3><ul><li>Semua ciri Berkembang terpenuhi.</li><li>Dapat mengakses lembaga keuangan komersial.</li><li>Telah membentuk lembaga keuangan mikro (LKM) atau koperasi.</li></ul><p>Penilaian ini berpengaruh nyata: bantuan pengembangan (BLPS) lebih dulu diberikan kepada KUBE penumbuhan yang kemajuan ekonomi dan sosialnya dinilai baik.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Menilai KUBE Sasirangan Indah",
                        "place": "Kelurahan Alalak Selatan, Kota Banjarmasin",
                        "story": "<p>KUBE ini beranggotakan sembilan ibu pembuat kain sasirangan dan sudah berumur 14 bulan. Buku kas, daftar hadir, dan notulen lengkap. Pengurus dipilih ulang setiap tahun. Awalnya mereka hanya punya satu mesin jahit; kini ada tiga. Produk mereka dijual di dua toko di luar kelurahan dan di pameran kota.</p><p>Namun kelompok belum pernah meminjam ke bank atau lembaga keuangan lain, dan belum bergabung dengan LKM mana pun.</p>",
                        "questions": [
                            "Menurut Anda, KUBE ini masuk kelas apa? Sebutkan buktinya.",
                            "Langkah apa yang perlu disiapkan agar kelompok dapat naik ke kelas Mandiri?",
                        ],
                    },
                ),
                (
                    "practice_question",
                    {
                        "question": "Sebuah KUBE berumur tujuh bulan. Sudah ada pengurus dan catatan kegiatan, tetapi hasil usahanya hanya dijual kepada tetangga. Masuk kelas apa KUBE ini?",
                        "choices": [
                            {
                                "text": "Tumbuh",
                                "is_correct": True,
                                "feedback": "Benar. Umurnya kurang dari setahun, catatan dan pengurus sudah ada, dan pemasarannya masih terbatas.",
                            },
                            {
                                "text": "Berkembang",
                                "is_correct": False,
                                "feedback": "Belum. Kelas Berkembang menuntut pemasaran yang meluas, aset bertambah, dan administrasi lengkap.",
                            },
                            {
                                "text": "Mandiri",
                                "is_correct": False,
                                "feedback": "Belum. Kelas Mandiri menuntut akses ke lembaga keuangan komersial dan adanya LKM atau koperasi.",
                            },
                        ],
                        "explanation": "Tentukan kelas berdasarkan bukti: umur KUBE, kelengkapan catatan, jangkauan pasar, aset, dan akses ke sumber dari luar.",
                    },
                ),
            ],
        },
        {
            "title": "Sembilan indikator dan hasil nyata bagi anggota",
            "slug": "sembilan-indikator",
            "summary": "Sembilan indikator untuk menilai KUBE secara rinci dan empat hasil nyata yang perlu dirasakan keluarga anggota.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Melihat lebih rinci</h2><p>Kelas KUBE memberi gambaran umum. Untuk penilaian yang lebih rinci, gunakan sembilan indikator berikut. Setiap indikator dapat diberi nilai sederhana, misalnya 1 (lemah), 2 (cukup), atau 3 (kuat).</p>",
                ),
                (
                    "image",
                    {
                        "image": "sembilan-indikator",
                        "alt": "Kisi tiga kali tiga berisi sembilan kotak bernomor: 1 Kelembagaan, 2 Mutu kepengurusan, 3 Keluasan anggota dan sasaran, 4 Ragam kegiatan, 5 Jaringan kemitraan, 6 Usaha dan modal tumbuh, 7 Kemandirian, 8 Sarana dan prasarana, 9 Peran bagi kesejahteraan anggota.",
                        "caption": "Sembilan indikator untuk menilai perkembangan KUBE.",
                    },
                ),
                (
                    "text",
                    "<h2>Apa yang benar-benar berubah bagi keluarga?</h2><p>Indikator kelompok penting, tetapi ukuran akhirnya adalah kehidupan keluarga anggota. KUBE dikatakan efektif bila terlihat perubahan pada empat hal:</p><ol><li><b>Pekerjaan</b>: anggota yang semula bekerja serabutan kini punya pekerjaan tetap.</li><li><b>Pendapatan</b>: penghasilan keluarga naik dan tetap terjaga.</li><li><b>Pertumbuhan</b>: keluarga mampu menyisihkan uang untuk tabungan dan menambah modal.</li><li><b>Kepedulian sosial</b>: anggota peduli pada keluarga dan lingkungannya.</li></ol><p>Lakukan pemantauan dan evaluasi secara rutin dan berkesinambungan, bukan hanya menjelang laporan. Sampaikan hasilnya di pertemuan: puji kemajuan, lalu sepakati satu atau dua perbaikan.</p><p>Pendamping pun perlu dinilai. Dinas Sosial dan penyelia memantau kinerja pendamping secara rutin, dan Anda dapat menilai diri sendiri dengan delapan peran dalam kursus ini.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Skor KUBE Lestari",
                        "place": "Desa Wukirsari, Kabupaten Sleman",
                        "story": "<p>Pendamping KUBE Lestari, kelompok perajin anyaman bambu, menilai sembilan indikator bersama pengurus. Kelembagaan, mutu kepengurusan, dan ragam kegiatan mendapat nilai 3. Jaringan kemitraan dan kemandirian hanya mendapat nilai 1, karena semua pesanan masih datang lewat satu pengepul.</p><p>Data keluarga menunjukkan penghasilan anggota naik, tetapi belum ada yang menabung secara rutin. Di pertemuan, pendamping lebih dulu memuji kerapian kelompok, lalu mengajak anggota memilih dua perbaikan: mencari pembeli kedua lewat dinas perdagangan dan memulai tabungan bulanan.</p>",
                        "questions": [
                            "Indikator mana yang paling perlu diperbaiki, dan apa buktinya?",
                            "Mengapa pendamping memulai dengan pujian sebelum membahas kelemahan?",
                        ],
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Data yang dikumpulkan setiap tiga bulan",
                        "items": [
                            "Jumlah anggota aktif dan rata-rata kehadiran.",
                            "Saldo kas, jumlah simpanan, dan aset kelompok.",
                            "Penjualan atau omzet usaha.",
                            "Perkiraan pendapatan keluarga anggota.",
                            "IKS yang terkumpul dan penggunaannya.",
                            "Mitra baru yang terjalin.",
                            "Anak anggota yang bersekolah.",
                            "Masalah utama dan keputusan yang diambil.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Pilih satu kelompok usaha yang Anda kenal di desa Anda. Dari sembilan indikator, mana yang paling kuat dan mana yang paling lemah? Apa satu saran Anda untuk pengurusnya?",
                        "guidance": "Sertakan bukti yang Anda lihat sendiri, bukan hanya kesan.",
                    },
                ),
            ],
        },
    ],
}
