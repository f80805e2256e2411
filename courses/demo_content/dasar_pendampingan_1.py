"""PKUBE-101, modules for roles 1-2: Fasilitator and Motivator."""

MODULE_FASILITATOR = {
    "title": "Pendamping sebagai Fasilitator",
    "slug": "fasilitator",
    "intro": "Modul pembuka ini mengenalkan KUBE, tugas pendamping sosial, dan syarat menjadi pendamping. Anda juga belajar bekerja dalam siklus pendampingan dan memandu pertemuan rutin kelompok.",
    "role": "fasilitator",
    "lessons": [
        {
            "title": "Mengenal KUBE dan pendamping sosial",
            "slug": "mengenal-kube-dan-pendamping",
            "summary": "Apa itu KUBE, mengapa keluarga miskin dihimpun dalam kelompok, serta apa tugas dan syarat seorang pendamping sosial.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Apa itu KUBE?</h2><p><b>KUBE</b> (Kelompok Usaha Bersama) adalah kelompok kecil keluarga miskin yang tinggal berdekatan, misalnya dalam satu dusun atau satu RT. Pada awalnya satu KUBE beranggotakan 5 sampai 10 keluarga. Mereka menjalankan <b>usaha ekonomi produktif (UEP)</b> dengan modal awal dari bantuan stimulan pemerintah.</p><p>KUBE bukan sekadar tempat menyalurkan bantuan. Kelompok adalah cara untuk berubah bersama: anggota saling belajar, saling menolong, dan saling mengingatkan. Karena itu setiap anggota memikul kewajiban, antara lain:</p><ul><li>hadir dalam <b>pertemuan rutin</b>, biasanya dua minggu sekali;</li><li>membayar <b>iuran kesetiakawanan sosial (IKS)</b> yang besarnya disepakati bersama;</li><li>menaati aturan yang diputuskan lewat musyawarah.</li></ul><p>Usahanya tidak selalu harus dikerjakan beramai-ramai. Banyak KUBE justru berhasil ketika tiap keluarga menjalankan usahanya sendiri, misalnya beternak kambing atau berjualan sayur, sedangkan pencatatan, pertemuan, dan pengawasannya dilakukan sebagai kelompok.</p>",
                ),
                (
                    "text",
                    "<h2>Siapa pendamping sosial?</h2><p>Pendamping sosial adalah warga yang dipilih dari masyarakat untuk menemani satu atau beberapa KUBE. Ia tidak menggantikan pengurus. Ia membantu anggota menemukan masalah dan potensi, menyusun rencana, menjalankan usaha, membuat catatan dan laporan, serta menjalin kerja sama dengan pihak luar.</p><p>Kursus ini membahas delapan peran pendamping. Satu orang memainkan semuanya, bergantian sesuai kebutuhan kelompok.</p>",
                ),
                (
                    "image",
                    {
                        "image": "roda-peran-pendamping",
                        "alt": "Diagram roda: lingkaran bertuliskan Pendamping sosial di tengah, dikelilingi delapan kotak berwarna berisi nama peran: Fasilitator, Motivator, Penghubung, Mobilisator dan Alokator, Peneliti, Evaluator, Advokator, Pembimbing dan Perencana.",
                        "caption": "Delapan peran pendamping sosial KUBE yang dipelajari dalam kursus ini.",
                    },
                ),
                (
                    "text",
                    "<h2>Syarat menjadi pendamping</h2><p>Sebuah evaluasi di Jawa Timur mendapati 80% pendamping belum menjalankan perannya dengan baik. Kebanyakan berpendidikan SLTA dan belum cukup dibekali. Karena itu calon pendamping dipilih dengan tiga kelompok syarat:</p><ol><li><b>Integritas</b>: berjiwa sosial, bersemangat tinggi, dan dikenal baik oleh warga.</li><li><b>Kapasitas</b>: lancar membaca dan menulis untuk pembukuan; pandai berkomunikasi dengan anggota, aparat, LSM, dan lembaga keuangan mikro; paham hal praktis seperti bahan baku, produksi, pemasaran, dan penggalangan modal.</li><li><b>Syarat khusus</b>: pendidikan minimal SLTA, punya motivasi untuk melayani, dan berjiwa pemimpin.</li></ol>",
                ),
                (
                    "practice_question",
                    {
                        "question": "Manakah pernyataan yang paling tepat tentang KUBE?",
                        "choices": [
                            {
                                "text": "KUBE adalah tempat membagikan uang bantuan kepada keluarga miskin; setelah uang dibagi, tugas selesai.",
                                "is_correct": False,
                                "feedback": "Bantuan hanya pemicu. KUBE adalah cara belajar dan berubah bersama, dengan pertemuan rutin dan aturan kelompok.",
                            },
                            {
                                "text": "KUBE adalah kelompok kecil keluarga miskin yang menjalankan usaha produktif, bertemu secara rutin, dan mengumpulkan IKS.",
                                "is_correct": True,
                                "feedback": "Benar. Inilah ciri pokok KUBE: kelompok kecil, usaha ekonomi produktif, pertemuan rutin, dan iuran kesetiakawanan sosial.",
                            },
                            {
                                "text": "KUBE wajib menjalankan satu jenis usaha yang dikerjakan semua anggota bersama-sama.",
                                "is_correct": False,
                                "feedback": "Tidak wajib. Usaha boleh dijalankan tiap keluarga, asalkan pencatatan, pertemuan, dan pengawasannya dilakukan sebagai kelompok.",
                            },
                        ],
                        "explanation": "Ingat empat ciri KUBE: kelompok kecil keluarga miskin, usaha ekonomi produktif, pertemuan rutin sekitar dua minggu sekali, dan iuran kesetiakawanan sosial.",
                    },
                ),
            ],
        },
        {
            "title": "Siklus pendampingan",
            "slug": "siklus-pendampingan",
            "summary": "Lima langkah kerja pendamping, dari mengenali masalah sampai menilai hasil, dan cara menerapkannya pada satu KUBE.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Bekerja dalam siklus</h2><p>Fasilitator memudahkan, bukan memerintah. Ia membantu keluarga miskin beralih ke kebiasaan yang lebih produktif dengan bantuan teknis dan pengetahuan. Supaya bantuan itu terarah, pendamping bekerja mengikuti lima langkah yang terus berulang.</p>",
                ),
                (
                    "image",
                    {
                        "image": "siklus-pendampingan",
                        "alt": "Diagram lingkaran dengan lima langkah yang dihubungkan panah searah jarum jam: Identifikasi, Perencanaan, Pelaksanaan, Pemantauan, Evaluasi, lalu kembali ke Identifikasi.",
                        "caption": "Siklus pendampingan: hasil evaluasi menjadi bahan identifikasi berikutnya.",
                    },
                ),
                (
                    "text",
                    "<h2>Lima langkah</h2><ol><li><b>Identifikasi.</b> Kenali masalah dan potensi bersama anggota: usaha apa yang sudah dikuasai, dan sumber apa yang ada di sekitar, seperti lahan, air, pasar, dan tenaga.</li><li><b>Perencanaan.</b> Sepakati tujuan dan kegiatan. Tulis siapa mengerjakan apa, kapan, dan berapa biayanya.</li><li><b>Pelaksanaan.</b> Anggota menjalankan usaha. Pendamping hadir di pertemuan dan membantu saat ada kesulitan.</li><li><b>Pemantauan.</b> Periksa catatan kas, daftar hadir, dan kemajuan usaha secara rutin, misalnya di setiap pertemuan dua mingguan.</li><li><b>Evaluasi.</b> Nilai apa yang berhasil dan apa yang belum, lalu jadikan bahan untuk langkah identifikasi berikutnya.</li></ol><p>Makin mandiri kelompok, makin banyak langkah yang dikerjakan sendiri oleh pengurus. Itu tanda pendampingan berhasil.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Kambing yang tak kunjung beranak",
                        "place": "Desa Karangsari, Kabupaten Lumajang",
                        "story": "<p>KUBE Sido Rukun beranggotakan delapan keluarga buruh tani. Dengan dana stimulan mereka membeli enam belas ekor kambing. Setelah delapan bulan baru dua ekor yang beranak, dan beberapa anggota mulai jarang datang ke pertemuan.</p><p>Pendamping mereka, Mas Yudi, tidak mencari siapa yang salah. Ia mengajak anggota memeriksa ulang keadaan: kambing yang dibeli ternyata terlalu muda, lantai kandang lembap, dan pakan hijauan sering kurang di musim kemarau. Bersama petugas peternakan kecamatan mereka menyusun rencana baru: memperbaiki kandang, menanam rumput gajah di pematang, dan mencatat kondisi kambing di setiap pertemuan. Tiga bulan kemudian catatan menunjukkan lima induk sedang bunting.</p>",
                        "questions": [
                            "Langkah siklus mana yang terlewat ketika kelompok pertama kali membeli kambing?",
                            "Apa yang dipantau kelompok setelah rencana baru disusun, dan mengapa hal itu penting?",
                        ],
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Sebelum kunjungan pertama ke KUBE",
                        "items": [
                            "Saya sudah tahu nama ketua, sekretaris, dan bendahara.",
                            "Saya membawa daftar anggota dan buku catatan lapangan.",
                            "Saya sudah menyiapkan pertanyaan tentang usaha, masalah, dan sumber di sekitar.",
                            "Saya menyepakati jadwal pertemuan rutin dengan pengurus.",
                            "Saya menulis hasil kunjungan pada hari yang sama.",
                        ],
                    },
                ),
            ],
        },
        {
            "title": "Memandu pertemuan rutin",
            "slug": "memandu-pertemuan-rutin",
            "summary": "Cara memandu pertemuan dua mingguan agar semua anggota bersuara, keputusan diambil bersama, dan hasilnya tercatat.",
            "minutes": 15,
            "body": [
                (
                    "text",
                    "<h2>Pertemuan adalah jantung KUBE</h2><p>Pertemuan rutin, biasanya dua minggu sekali, adalah tempat anggota melaporkan usaha, membayar iuran, membahas masalah, dan mengambil keputusan. Kelompok yang jarang bertemu biasanya cepat bubar.</p><p>Sebagai fasilitator, tugas Anda <b>memandu</b>, bukan mengambil alih. Biarkan ketua memimpin acara. Anda menjaga agar pertemuan tertib, semua suara didengar, dan keputusannya jelas.</p>",
                ),
                (
                    "text",
                    "<h2>Susunan acara sederhana</h2><ol><li>Pembukaan dan pengisian daftar hadir (5 menit).</li><li>Laporan bendahara: saldo kas, iuran, dan pinjaman (10 menit).</li><li>Laporan usaha tiap anggota: apa yang lancar dan apa kendalanya (20 menit).</li><li>Pembahasan satu masalah utama sampai ada keputusan (20 menit).</li><li>Pembagian tugas sampai pertemuan berikutnya, lalu penutup (5 menit).</li></ol><h3>Agar semua ikut bicara</h3><ul><li>Sapa anggota yang diam dengan ramah, misalnya: 'Bu Marni, bagaimana dagangan minggu ini?'</li><li>Pakai bahasa sehari-hari, termasuk bahasa daerah bila anggota lebih nyaman.</li><li>Tulis keputusan di buku notulen dan bacakan ulang sebelum pulang.</li><li>Bila ketua terlalu menguasai pembicaraan, ingatkan dengan sopan bahwa keputusan diambil bersama.</li></ul>",
                ),
                (
                    "case_study",
                    {
                        "title": "Ketua yang memutuskan sendiri",
                        "place": "Kelurahan Pelambuan, Kota Banjarmasin",
                        "story": "<p>KUBE Karya Bersama membuat dan menjual kue basah. Suatu hari ketuanya, Pak Jamal, memakai sebagian besar keuntungan untuk membeli lemari pendingin yang diletakkan di warung miliknya sendiri. Anggota kesal, tetapi tidak berani bicara. Dua orang berhenti datang.</p><p>Pendamping, Mbak Nurul, meminta agar soal itu dibahas di pertemuan berikutnya. Ia membuka acara dengan pertanyaan netral: untuk apa keuntungan kelompok sebaiknya dipakai? Setiap anggota diberi giliran bicara. Akhirnya disepakati bahwa lemari pendingin menjadi milik kelompok, dipakai bergiliran, dan setiap pembelian di atas Rp200.000 harus diputuskan dalam pertemuan. Kesepakatan itu ditulis di notulen dan ditandatangani semua anggota.</p>",
                        "questions": [
                            "Mengapa Mbak Nurul memulai dengan pertanyaan netral, bukan dengan menegur ketua?",
                            "Aturan apa yang dibuat agar kejadian serupa tidak terulang?",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Ingat satu pertemuan warga di desa Anda, misalnya arisan, pengajian, atau rapat RT. Siapa yang paling banyak bicara dan siapa yang hampir tidak pernah bersuara? Apa yang akan Anda lakukan agar suara yang diam ikut didengar?",
                        "guidance": "Tulis satu langkah konkret yang bisa Anda coba di pertemuan KUBE berikutnya.",
                    },
                ),
            ],
        },
    ],
}

MODULE_MOTIVATOR = {
    "title": "Pendamping sebagai Motivator",
    "slug": "motivator",
    "intro": "Bantuan modal tidak berarti banyak bila anggota sudah pasrah pada keadaan. Modul ini membahas cara membangkitkan semangat, menjaga kehadiran dan aturan kelompok, serta menumbuhkan kesetiakawanan lewat iuran kesetiakawanan sosial.",
    "role": "motivator",
    "lessons": [
        {
            "title": "Membangkitkan semangat dan kepercayaan diri",
            "slug": "membangkitkan-semangat",
            "summary": "Mengapa sikap pasrah menghambat usaha, dan cara praktis membantu anggota mengenali masalah serta kekuatannya sendiri.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Kemiskinan juga soal sikap</h2><p>Kemiskinan bukan hanya kekurangan uang. Orang yang lama hidup susah sering merasa keadaannya sudah takdir, sulit merencanakan masa depan, dan lebih memikirkan kebutuhan hari ini. Sikap pasrah seperti itu membuat bantuan cepat habis tanpa bekas.</p><p>Motivator membangkitkan niat dan semangat berusaha. Ia membantu anggota <b>menyadari masalahnya sendiri</b> sekaligus <b>mengenali kekuatannya</b>: keterampilan memasak, pengalaman beternak, lahan pekarangan, atau saudara yang berdagang di pasar.</p>",
                ),
                (
                    "text",
                    "<h2>Cara praktis menumbuhkan semangat</h2><ul><li><b>Kunjungi rumah anggota.</b> Lihat sendiri keadaan keluarga dan dengarkan ceritanya tanpa menghakimi.</li><li><b>Mulai dari keberhasilan kecil.</b> Rayakan hasil pertama, misalnya penjualan pertama atau tabungan pertama kelompok.</li><li><b>Tunjukkan contoh nyata.</b> Ajak anggota berkunjung ke KUBE lain yang sudah berhasil.</li><li><b>Kaitkan dengan masa depan anak.</b> Banyak orang tua tergerak ketika usaha dikaitkan dengan sekolah anak-anaknya.</li><li><b>Beri teladan.</b> Datang tepat waktu dan tepati janji. Anggota meniru apa yang Anda lakukan, bukan apa yang Anda katakan.</li></ul>",
                ),
                (
                    "case_study",
                    {
                        "title": "Dari malu menjadi ikut ronda",
                        "place": "Kelurahan Kuin Utara, Kota Banjarmasin",
                        "story": "<p>Anggota KUBE Usaha Bersinar adalah tujuh keluarga pedagang kecil di tepi sungai. Awalnya mereka menjauh dari kerja bakti maupun jadwal ronda, karena merasa orang miskin tidak akan dianggap oleh tetangga. Beberapa anak mereka sudah berhenti sekolah.</p><p>Pendamping, Bu Rahmah, rajin berkunjung ke rumah anggota. Di setiap pertemuan ia mengingatkan bahwa usaha yang tekun dapat membuat anak-anak tidak mengalami kesulitan yang sama. Setahun kemudian anggota mulai ikut kegiatan kampung, selama tidak dibebani iuran uang yang berat. Dua anak kembali bersekolah, dan pengurus sendiri yang mengusulkan tabungan pendidikan di kelompok.</p>",
                        "questions": [
                            "Apa saja tanda bahwa kepercayaan diri anggota meningkat?",
                            "Mengapa kunjungan rumah lebih berhasil daripada sekadar ceramah di pertemuan?",
                        ],
                    },
                ),
                (
                    "practice_question",
                    {
                        "question": "Seorang anggota berkata, 'Sudah nasib kami miskin, usaha apa pun pasti gagal.' Tanggapan mana yang paling tepat dari pendamping?",
                        "choices": [
                            {
                                "text": "Menasihatinya panjang lebar di depan anggota lain supaya ia malu dan berubah.",
                                "is_correct": False,
                                "feedback": "Mempermalukan orang justru membuatnya makin menarik diri dari kelompok.",
                            },
                            {
                                "text": "Mengajaknya bercerita tentang keterampilan yang ia miliki, lalu menyepakati satu langkah kecil yang bisa dicoba minggu ini.",
                                "is_correct": True,
                                "feedback": "Tepat. Mengenali kekuatan sendiri dan mencoba langkah kecil menumbuhkan kepercayaan diri sedikit demi sedikit.",
                            },
                            {
                                "text": "Membiarkannya saja, karena sikap seperti itu memang tidak bisa diubah.",
                                "is_correct": False,
                                "feedback": "Sikap bisa berubah lewat pengalaman berhasil dan dukungan kelompok. Itulah tugas motivator.",
                            },
                            {
                                "text": "Menjanjikan tambahan bantuan uang bila ia mau rajin datang ke pertemuan.",
                                "is_correct": False,
                                "feedback": "Janji uang menumbuhkan ketergantungan, bukan semangat berusaha.",
                            },
                        ],
                        "explanation": "Motivator membantu anggota melihat kekuatannya sendiri dan merasakan keberhasilan kecil. Semangat yang tumbuh dari dalam lebih tahan lama daripada dorongan dari luar.",
                    },
                ),
            ],
        },
        {
            "title": "Menjaga kehadiran dan aturan kelompok",
            "slug": "kehadiran-dan-aturan-kelompok",
            "summary": "Cara menjaga agar anggota tetap hadir di pertemuan rutin dan bagaimana aturan kelompok disusun secara bertahap.",
            "minutes": 15,
            "body": [
                (
                    "text",
                    "<h2>Kehadiran adalah tanda kelompok hidup</h2><p>Motivator selalu hadir dan mengajak semua anggota hadir di pertemuan yang telah disepakati. Kehadiran penting karena di pertemuanlah anggota saling belajar, melapor, dan memutuskan.</p><ul><li>Catat kehadiran di setiap pertemuan.</li><li>Bila seorang anggota dua kali tidak datang, kunjungi rumahnya dalam minggu itu juga. Tanyakan alasannya dengan ramah.</li><li>Pilih waktu dan tempat yang cocok bagi anggota, misalnya sesudah panen atau sesudah pasar tutup.</li><li>Buat pertemuan bermanfaat: selalu ada informasi baru, keputusan, atau keterampilan yang dipelajari.</li></ul>",
                ),
                (
                    "text",
                    "<h2>Aturan tumbuh bertahap</h2><p>Aturan kelompok tidak perlu lengkap sejak hari pertama. Pada tahap <b>KUBE Tumbuh</b> anggota masih mencoba dan mengenal hal baru, jadi belum perlu sanksi. Yang penting anggota paham manfaat berkelompok.</p><p>Setelah kelompok berjalan, mulailah menyusun <b>kesepakatan tertulis</b> lewat musyawarah. Saat kelompok makin matang, kesepakatan itu dilengkapi penghargaan dan sanksi. Contohnya, anggota yang selalu hadir didahulukan saat meminjam, sedangkan anggota yang absen tiga kali tanpa alasan membayar denda kecil yang masuk ke kas IKS.</p><p>Aturan yang dibuat sendiri oleh anggota lebih mudah ditaati daripada aturan dari luar.</p>",
                ),
                (
                    "checklist",
                    {
                        "title": "Hal yang perlu ada dalam kesepakatan kelompok",
                        "items": [
                            "Jadwal dan tempat pertemuan rutin.",
                            "Besar iuran kesetiakawanan sosial dan kapan dibayar.",
                            "Apa yang terjadi bila anggota tidak hadir tanpa alasan.",
                            "Cara membagi hasil usaha dan menyisihkan modal.",
                            "Syarat meminjam uang kelompok dan cara mengangsur.",
                            "Cara memilih dan mengganti pengurus.",
                            "Tanda tangan semua anggota di bawah kesepakatan.",
                        ],
                    },
                ),
                (
                    "practice_question",
                    {
                        "question": "KUBE dampingan Anda baru berumur empat bulan. Bu Wati sudah dua kali berturut-turut tidak hadir. Apa langkah pertama yang paling tepat?",
                        "choices": [
                            {
                                "text": "Langsung mengenakan denda supaya anggota lain jera.",
                                "is_correct": False,
                                "feedback": "Pada tahap KUBE Tumbuh sanksi belum perlu. Denda sebelum tahu alasannya bisa membuat Bu Wati keluar dari kelompok.",
                            },
                            {
                                "text": "Mengunjungi rumah Bu Wati minggu ini dan menanyakan alasannya dengan ramah.",
                                "is_correct": True,
                                "feedback": "Tepat. Mungkin ada masalah keluarga atau jadwal yang bentrok. Setelah alasannya diketahui, kelompok bisa mencari jalan keluar bersama.",
                            },
                            {
                                "text": "Mengumumkan namanya di pertemuan sebagai anggota yang malas.",
                                "is_correct": False,
                                "feedback": "Mempermalukan anggota merusak rasa percaya dan membuat orang enggan kembali.",
                            },
                        ],
                        "explanation": "Ketidakhadiran adalah tanda ada sesuatu. Cari tahu alasannya lebih dulu; aturan dan sanksi menyusul setelah kelompok lebih matang dan menyepakatinya.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Bayangkan KUBE yang akan Anda dampingi di desa Anda. Tiga aturan apa yang paling penting disepakati lebih dulu, dan mengapa?",
                        "guidance": "Pikirkan masalah yang paling sering membuat kelompok di desa Anda bubar.",
                    },
                ),
            ],
        },
        {
            "title": "Iuran kesetiakawanan sosial (IKS)",
            "slug": "iuran-kesetiakawanan-sosial",
            "summary": "Apa itu IKS, bagaimana dikumpulkan dan dicatat, serta cara memakainya agar kelompok makin peduli dan dipercaya.",
            "minutes": 15,
            "body": [
                (
                    "text",
                    "<h2>Apa itu IKS?</h2><p><b>Iuran kesetiakawanan sosial (IKS)</b> adalah iuran kecil yang dibayar setiap anggota secara rutin, biasanya di pertemuan dua mingguan. Besarnya ditentukan lewat musyawarah, misalnya Rp2.000 sampai Rp5.000 per pertemuan.</p><p>Uang IKS tidak dipakai untuk modal usaha. Dana ini untuk kepedulian sosial: membantu anggota yang sakit, tetangga yang tertimpa musibah, atau kegiatan usaha kesejahteraan sosial di kampung. Kas IKS yang terus terisi adalah salah satu tanda KUBE berhasil, karena menunjukkan tumbuhnya rasa tanggung jawab sosial.</p>",
                ),
                (
                    "image",
                    {
                        "image": "alur-iks",
                        "alt": "Diagram alur dari kiri ke kanan: Anggota KUBE membayar iuran di Pertemuan rutin, Bendahara mencatat di buku IKS, uang masuk Kas IKS, lalu dipakai untuk tiga tujuan: anggota sakit, tetangga tertimpa musibah, dan kegiatan sosial kampung.",
                        "caption": "Alur iuran kesetiakawanan sosial dari anggota sampai penggunaannya.",
                    },
                ),
                (
                    "text",
                    "<h2>Menjaga kepercayaan</h2><ul><li>Catat IKS di buku tersendiri, terpisah dari kas usaha.</li><li>Bendahara membacakan saldo IKS di setiap pertemuan.</li><li>Penggunaan IKS diputuskan bersama dan ditulis di notulen.</li><li>Simpan bukti pengeluaran, misalnya kuitansi atau catatan yang ditandatangani penerima.</li></ul><p>Pembukuan yang terbuka mencegah kecurigaan di antara anggota dan memperkuat rasa persaudaraan.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Kas IKS untuk anggota yang dirawat",
                        "place": "Desa Giritirto, Kabupaten Gunungkidul",
                        "story": "<p>KUBE Ngudi Makmur terdiri dari sembilan keluarga pembuat keripik singkong. Mereka sepakat membayar IKS Rp3.000 per pertemuan. Setelah lima bulan atau sepuluh pertemuan, terkumpul Rp270.000.</p><p>Ketika istri salah satu anggota harus dirawat di rumah sakit di kota, kelompok memutuskan memberi Rp150.000 untuk ongkos perjalanan keluarga. Keputusan itu dicatat dan dibacakan di pertemuan. Sejak itu anggota lebih rajin membayar IKS, dan dua tetangga yang bukan anggota ikut menyumbang.</p>",
                        "questions": [
                            "Mengapa keputusan penggunaan IKS dibacakan di pertemuan?",
                            "Apa dampak kejadian ini terhadap rasa percaya anggota pada kelompoknya?",
                        ],
                    },
                ),
                (
                    "practice_question",
                    {
                        "question": "Uang IKS sebaiknya dipakai untuk apa?",
                        "choices": [
                            {
                                "text": "Membeli pulsa dan bensin ketua karena ia paling sering bepergian untuk kelompok.",
                                "is_correct": False,
                                "feedback": "Biaya pengurus bukan tujuan IKS. Bila perlu, biaya seperti itu dibahas terpisah dan disepakati bersama.",
                            },
                            {
                                "text": "Bantuan sosial bagi anggota atau warga yang kesulitan, sesuai keputusan pertemuan.",
                                "is_correct": True,
                                "feedback": "Benar. IKS adalah wujud kesetiakawanan sosial, dan penggunaannya diputuskan bersama.",
                            },
                            {
                                "text": "Dibagi rata kepada anggota setiap akhir tahun seperti arisan.",
                                "is_correct": False,
                                "feedback": "Kalau dibagi rata, IKS hanya menjadi tabungan pribadi dan fungsi sosialnya hilang.",
                            },
                        ],
                        "explanation": "IKS terpisah dari kas usaha. Dana ini untuk kepedulian sosial, dicatat tersendiri, dan dipakai menurut keputusan pertemuan.",
                    },
                ),
            ],
        },
    ],
}
