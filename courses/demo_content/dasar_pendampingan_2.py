"""PKUBE-101, modules for roles 3-4: Penghubung and Mobilisator & Alokator."""

MODULE_PENGHUBUNG = {
    "title": "Pendamping sebagai Penghubung",
    "slug": "penghubung",
    "intro": "Anggota KUBE sering tidak tahu ke mana harus meminta bantuan teknis, pasar, atau modal. Modul ini melatih Anda memetakan mitra, mendatangi mereka bersama pengurus, dan membuka akses ke layanan sosial dasar.",
    "role": "penghubung",
    "lessons": [
        {
            "title": "Memetakan sumber dan mitra",
            "slug": "memetakan-mitra",
            "summary": "Siapa saja yang dapat membantu KUBE, bantuan apa yang bisa diminta dari masing-masing, dan cara mencatatnya dalam peta mitra.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Pendamping sebagai jembatan</h2><p>Pengetahuan, keterampilan, dan jaringan anggota KUBE biasanya terbatas. Padahal di sekitar mereka ada banyak sumber kesejahteraan sosial: kantor dinas, lembaga keuangan, pelaku usaha, dan tokoh masyarakat. Penghubung menjembatani kelompok dengan sumber-sumber itu.</p><p>Tujuannya bukan agar pendamping selalu menjadi perantara. Lama-kelamaan KUBE sendiri harus mampu menghubungi mitra, bahkan menjadi penghubung bagi anggotanya.</p>",
                ),
                (
                    "image",
                    {
                        "image": "peta-kemitraan",
                        "alt": "Peta kemitraan: lingkaran KUBE dan pendamping di tengah, dihubungkan garis ke tujuh kotak mitra: Dinas Sosial, Dinas Perindustrian dan Perdagangan, Dinas Koperasi dan UKM, bank dan lembaga keuangan mikro, Balai Latihan Kerja, Puskesmas dan sekolah, serta aparat desa dan tokoh masyarakat.",
                        "caption": "Contoh peta mitra KUBE. Setiap mitra membantu hal yang berbeda.",
                    },
                ),
                (
                    "text",
                    "<h2>Siapa membantu apa</h2><ul><li><b>Dinas Sosial</b>: program KUBE, pembinaan lanjutan, rujukan layanan sosial.</li><li><b>Dinas Perindustrian dan Perdagangan</b>: kemasan, mutu produk, pameran, dan perluasan pasar.</li><li><b>Dinas Koperasi dan UKM</b>: bimbingan manajemen usaha dan jalan menuju koperasi.</li><li><b>Bank dan lembaga keuangan mikro</b>: rekening kelompok dan tambahan modal.</li><li><b>Balai Latihan Kerja (BLK)</b>: pelatihan keterampilan.</li><li><b>Puskesmas dan sekolah</b>: layanan kesehatan dan pendidikan.</li><li><b>Aparat desa dan tokoh masyarakat</b>: dukungan, tempat kegiatan, dan pengaruh.</li></ul><p>Di Kota Banjarmasin, lima KUBE naik kelas dari Tumbuh menjadi Berkembang karena pendampingnya tekun berkonsultasi ke dinas perdagangan untuk kemasan dan pemasaran, ke dinas koperasi untuk manajemen usaha, dan ke lembaga keuangan untuk tambahan modal.</p>",
                ),
                (
                    "practice_question",
                    {
                        "question": "KUBE pembuat kue kering ingin kemasannya lebih menarik agar bisa masuk toko oleh-oleh. Ke mana pendamping sebaiknya menghubungkan mereka lebih dulu?",
                        "choices": [
                            {
                                "text": "Puskesmas",
                                "is_correct": False,
                                "feedback": "Puskesmas melayani kesehatan, bukan kemasan produk.",
                            },
                            {
                                "text": "Dinas Perindustrian dan Perdagangan",
                                "is_correct": True,
                                "feedback": "Tepat. Dinas ini biasa membina kemasan, label, mutu produk, dan pemasaran usaha kecil.",
                            },
                            {
                                "text": "Bank, untuk meminjam modal lebih besar",
                                "is_correct": False,
                                "feedback": "Masalah mereka saat ini adalah kemasan, bukan modal. Pinjaman tanpa perbaikan kemasan belum tentu menambah penjualan.",
                            },
                            {
                                "text": "Kantor kecamatan, untuk meminta bantuan uang",
                                "is_correct": False,
                                "feedback": "Bantuan uang tidak menjawab kebutuhan pengetahuan tentang kemasan.",
                            },
                        ],
                        "explanation": "Cocokkan kebutuhan kelompok dengan mitra yang tepat. Karena itu peta mitra perlu mencatat bantuan apa yang dapat diberikan setiap lembaga.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Isi peta mitra KUBE saya",
                        "items": [
                            "Nama lembaga dan alamatnya.",
                            "Nama petugas yang bisa dihubungi dan nomor teleponnya.",
                            "Bantuan yang dapat diberikan lembaga itu.",
                            "Kebutuhan KUBE yang cocok dengan bantuan tersebut.",
                            "Tanggal kunjungan terakhir dan hasilnya.",
                            "Langkah berikutnya dan siapa yang mengerjakannya.",
                        ],
                    },
                ),
            ],
        },
        {
            "title": "Membuka akses pasar dan layanan dasar",
            "slug": "membuka-akses",
            "summary": "Cara mendatangi mitra bersama pengurus dan cara membantu keluarga anggota memperoleh layanan pendidikan dan kesehatan.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Mendatangi mitra dengan persiapan</h2><ol><li>Siapkan <b>profil singkat KUBE</b> di satu halaman: jumlah anggota, jenis usaha, hasil produksi per bulan, dan kebutuhan yang ingin dibicarakan.</li><li>Bawa <b>contoh produk</b> dan foto kegiatan.</li><li>Ajak <b>ketua atau pengurus</b>. Mereka perlu belajar berbicara sendiri dengan pihak luar.</li><li>Catat hasil pertemuan: janji, syarat, nama petugas, dan tanggal tindak lanjut.</li><li>Laporkan hasilnya di pertemuan rutin berikutnya.</li></ol><p>Makin matang KUBE, makin sedikit peran pendamping dalam urusan ini. Pada akhirnya pengurus sendiri yang menghubungi mitra.</p>",
                ),
                (
                    "text",
                    "<h2>Layanan sosial dasar</h2><p>Dalam program KUBE, tahun kedua pendampingan mencakup akses anggota ke layanan pendidikan dan kesehatan. Penghubung membantu keluarga yang anaknya putus sekolah, yang belum memiliki kartu layanan kesehatan, atau yang rumahnya tidak layak huni.</p><p>Caranya: periksa dokumen keluarga seperti kartu keluarga dan KTP, tanyakan syarat di kantor desa atau Dinas Sosial, lalu dampingi keluarga saat mendaftar. Jangan mengurus semuanya sendirian; ajari keluarga langkah-langkahnya agar mereka bisa mengulanginya.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Kue kering dan cincin sampai ke luar daerah",
                        "place": "Kelurahan Sungai Jingah, Kota Banjarmasin",
                        "story": "<p>Dua KUBE di kelurahan ini punya produk bagus tetapi hanya laku di kampung sendiri. KUBE pertama membuat kue kering, KUBE kedua mengerjakan kerajinan cincin. Pendamping mereka, Mas Fahmi, mengajak kedua ketua ke dinas perdagangan dengan membawa contoh produk.</p><p>Dari kunjungan itu anggota mengikuti pelatihan kemasan dan label, lalu diundang ke sebuah pameran. Dinas koperasi membimbing cara menghitung biaya produksi, dan sebuah lembaga keuangan memberi pinjaman kecil untuk membeli oven kedua. Kelompok kemudian menyusun rencana produksi menjelang Lebaran, dan untuk pertama kalinya pesanan datang dari luar daerah.</p>",
                        "questions": [
                            "Mengapa Mas Fahmi mengajak ketua, bukan datang sendiri?",
                            "Mitra mana yang membantu soal pasar, manajemen, dan modal?",
                        ],
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Isi profil satu halaman KUBE",
                        "items": [
                            "Nama KUBE, alamat, dan tahun berdiri.",
                            "Jumlah anggota dan nama pengurus.",
                            "Jenis usaha dan hasil produksi per bulan.",
                            "Kelas KUBE saat ini: Tumbuh, Berkembang, atau Mandiri.",
                            "Satu atau dua kebutuhan yang ingin dibicarakan dengan mitra.",
                            "Nomor telepon ketua dan pendamping.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Sebutkan tiga lembaga di kecamatan Anda yang bisa menjadi mitra KUBE. Untuk masing-masing, apa yang dapat Anda minta, dan apa yang dapat ditawarkan KUBE kepada mereka?",
                        "guidance": "Kemitraan berjalan dua arah: pikirkan juga manfaat bagi mitra, misalnya produk, tenaga, atau data.",
                    },
                ),
            ],
        },
    ],
}

MODULE_MOBILISATOR = {
    "title": "Pendamping sebagai Mobilisator dan Alokator",
    "slug": "mobilisator",
    "intro": "Uang, tenaga, lahan, dan kepercayaan adalah sumber daya KUBE. Modul ini membahas cara menghimpun dan membaginya secara adil, serta cara mencatat setiap rupiah dalam buku kas dan simpan pinjam kelompok.",
    "role": "mobilisator",
    "lessons": [
        {
            "title": "Menghimpun dan membagi sumber daya secara adil",
            "slug": "menghimpun-sumber-daya",
            "summary": "Jenis sumber daya yang dimiliki KUBE dan aturan pembagian yang mencegah pertengkaran di dalam kelompok.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Sumber daya KUBE</h2><p>Mobilisator dan alokator menghimpun, memakai, mengembangkan, dan mempertanggungjawabkan semua sumber daya kelompok, lalu membaginya untuk tujuan bersama. Sumber daya itu antara lain:</p><ul><li><b>Uang</b>: dana stimulan yang disalurkan ke rekening kelompok di bank, simpanan anggota, dan keuntungan usaha.</li><li><b>Alam</b>: lahan pekarangan untuk bertani, air untuk kolam ikan, hijauan untuk pakan ternak.</li><li><b>Tenaga</b>: anggota keluarga dan pemuda yang belum bekerja.</li><li><b>Sosial</b>: rasa saling percaya, gotong royong, dan dukungan tokoh masyarakat.</li></ul>",
                ),
                (
                    "text",
                    "<h2>Membagi dengan adil</h2><p>Penelitian tentang KUBE yang bubar sebelum waktunya menemukan empat sebab yang sering muncul: anggota sulit diatur, pembagian hasil dirasa tidak adil, biaya operasional lebih besar daripada hasil usaha, dan tidak semua anggota berminat pada usaha yang dipilih.</p><p>Mobilisator mencegah masalah itu dengan aturan yang jelas:</p><ul><li>Rencana pembagian ditulis dan disepakati sebelum usaha berjalan.</li><li>Bagian anggota dihitung menurut sumbangan kerja atau modal yang tercatat.</li><li>Sebagian keuntungan disisihkan untuk modal berikutnya.</li><li>Semua pembagian diumumkan di pertemuan.</li></ul>",
                ),
                (
                    "case_study",
                    {
                        "title": "Kolam lele di tanah kas desa",
                        "place": "Desa Sidomulyo, Kabupaten Bantul",
                        "story": "<p>KUBE Mina Lestari beranggotakan tujuh keluarga. Pemerintah desa mengizinkan mereka memakai sebidang tanah kas desa di dekat saluran irigasi untuk dua kolam lele. Setiap anggota mendapat jadwal memberi pakan dan menjaga kolam.</p><p>Pada panen pertama muncul masalah: dua anggota jarang datang, tetapi meminta bagian yang sama. Pendamping mengajak kelompok membuka buku jadwal kerja. Disepakati aturan baru: 60% keuntungan dibagi menurut jumlah hari kerja, 25% disisihkan untuk benih dan pakan musim berikutnya, dan 15% masuk kas kelompok. Pada panen kedua tidak ada lagi yang mengeluh.</p>",
                        "questions": [
                            "Sumber daya apa saja yang dihimpun KUBE Mina Lestari?",
                            "Mengapa buku jadwal kerja penting untuk pembagian yang adil?",
                        ],
                    },
                ),
                (
                    "practice_question",
                    {
                        "question": "Di sebuah KUBE, dua anggota jarang ikut bekerja tetapi meminta bagian keuntungan yang sama. Langkah mana yang paling tepat?",
                        "choices": [
                            {
                                "text": "Diam-diam tidak memberi mereka bagian.",
                                "is_correct": False,
                                "feedback": "Keputusan diam-diam merusak kepercayaan dan memicu pertengkaran.",
                            },
                            {
                                "text": "Membahasnya di pertemuan dengan melihat catatan kerja, lalu menyepakati aturan pembagian tertulis.",
                                "is_correct": True,
                                "feedback": "Tepat. Catatan dan kesepakatan bersama membuat pembagian adil dan dapat diterima semua pihak.",
                            },
                            {
                                "text": "Menyerahkan keputusan sepenuhnya kepada ketua.",
                                "is_correct": False,
                                "feedback": "Pembagian hasil menyangkut semua anggota, jadi harus diputuskan bersama.",
                            },
                        ],
                        "explanation": "Pembagian yang dirasa tidak adil adalah salah satu sebab utama KUBE bubar. Cegah dengan catatan kerja dan aturan tertulis yang disepakati sejak awal.",
                    },
                ),
            ],
        },
        {
            "title": "Buku kas dan simpan pinjam sederhana",
            "slug": "buku-kas-dan-simpan-pinjam",
            "summary": "Cara mengisi buku kas, memeriksa saldo, dan menjalankan simpan pinjam kecil di dalam kelompok.",
            "minutes": 25,
            "body": [
                (
                    "text",
                    "<h2>Mencatat setiap rupiah</h2><p>Pembukuan yang rapi membuat anggota percaya dan mencegah kecurigaan. Buku kas paling sederhana punya lima kolom: <b>tanggal</b>, <b>uraian</b>, <b>masuk</b>, <b>keluar</b>, dan <b>saldo</b>.</p><ul><li>Catat setiap transaksi pada hari yang sama.</li><li>Simpan nota atau kuitansi, dan beri nomor yang sama dengan baris di buku.</li><li>Hitung saldo: saldo sebelumnya ditambah uang masuk, dikurangi uang keluar.</li><li>Pisahkan buku kas usaha, buku IKS, buku simpanan, dan buku pinjaman.</li></ul>",
                ),
                (
                    "image",
                    {
                        "image": "buku-kas",
                        "alt": "Tabel buku kas KUBE bulan Maret dengan kolom Tanggal, Uraian, Masuk, Keluar, dan Saldo. Saldo awal Rp1.250.000; jual pupuk kandang masuk Rp40.000; beli pakan ternak keluar Rp300.000; jual rumput gajah masuk Rp150.000; angsuran pinjaman masuk Rp100.000; beli obat ternak keluar Rp65.000; saldo akhir Rp1.175.000.",
                        "caption": "Contoh buku kas. Saldo selalu dihitung ulang setelah setiap baris.",
                    },
                ),
                (
                    "text",
                    "<h2>Simpan pinjam di dalam kelompok</h2><p>Kebiasaan menabung, walau sedikit, membuat keluarga lebih tahan menghadapi kebutuhan mendadak. Banyak KUBE memulai simpan pinjam kecil untuk anggotanya. Agar tidak menimbulkan masalah, sepakati dulu:</p><ul><li>besar simpanan rutin setiap anggota;</li><li>batas pinjaman, jangka waktu, dan besar angsuran;</li><li>jasa pinjaman, bila ada, serta penggunaannya;</li><li>siapa yang didahulukan, misalnya untuk keperluan usaha;</li><li>apa yang dilakukan kelompok bila ada angsuran macet.</li></ul><p>Jangan meminjamkan uang kepada bukan anggota sebelum pembukuan kelompok benar-benar rapi.</p>",
                ),
                (
                    "practice_question",
                    {
                        "question": "Saldo awal kas KUBE Rp1.250.000. Lalu masuk hasil penjualan pupuk kandang Rp40.000 dan keluar pembelian pakan Rp300.000. Berapa saldonya sekarang?",
                        "choices": [
                            {
                                "text": "Rp1.590.000",
                                "is_correct": False,
                                "feedback": "Pembelian pakan adalah uang keluar, jadi harus dikurangi, bukan ditambah.",
                            },
                            {
                                "text": "Rp990.000",
                                "is_correct": True,
                                "feedback": "Benar: 1.250.000 + 40.000 - 300.000 = 990.000.",
                            },
                            {
                                "text": "Rp910.000",
                                "is_correct": False,
                                "feedback": "Hasil penjualan pupuk Rp40.000 adalah uang masuk, jadi harus ditambahkan.",
                            },
                        ],
                        "explanation": "Saldo baru sama dengan saldo lama ditambah uang masuk, dikurangi uang keluar. Hitung ulang setiap kali ada transaksi.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Memeriksa buku kas di pertemuan",
                        "items": [
                            "Setiap baris punya tanggal dan uraian yang jelas.",
                            "Setiap pengeluaran punya nota atau kuitansi.",
                            "Saldo di buku sama dengan uang tunai ditambah saldo rekening.",
                            "Bendahara dan ketua menandatangani catatan bulanan.",
                            "Saldo kas dan saldo IKS dibacakan kepada anggota.",
                        ],
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Buku kas yang meredakan curiga",
                        "place": "Desa Kedungrejo, Kabupaten Pasuruan",
                        "story": "<p>Di KUBE Ternak Makmur beredar kabar bahwa bendahara memakai uang kelompok untuk keperluan pribadi. Suasana pertemuan menjadi tegang, dan dua anggota menolak membayar angsuran.</p><p>Pendamping mengusulkan pemeriksaan buku kas bersama di pertemuan berikutnya. Setiap baris dicocokkan dengan nota, lalu uang tunai dihitung di depan semua anggota. Hasilnya cocok sampai rupiah terakhir. Ternyata kabar itu muncul karena pembelian obat ternak belum pernah diumumkan. Sejak itu kelompok sepakat membacakan buku kas di setiap pertemuan.</p>",
                        "questions": [
                            "Apa yang menyebabkan kecurigaan di KUBE Ternak Makmur?",
                            "Kebiasaan apa yang disepakati agar kecurigaan serupa tidak muncul lagi?",
                        ],
                    },
                ),
            ],
        },
    ],
}
