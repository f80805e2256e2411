"""PKUBE-201 Kewirausahaan dan Koperasi untuk KUBE: business, money and the path to a cooperative."""

MODULE_RENCANA_USAHA = {
    "title": "Rencana usaha dan pemasaran",
    "slug": "rencana-usaha-dan-pemasaran",
    "intro": "Usaha yang cocok dengan keterampilan anggota dan potensi setempat lebih mungkin bertahan. Modul ini membahas cara memilih usaha, menghitung harga jual, serta memperbaiki kemasan dan pemasaran.",
    "role": "pembimbing",
    "lessons": [
        {
            "title": "Memilih usaha yang sesuai potensi setempat",
            "slug": "memilih-usaha",
            "summary": "Pelajaran dari KUBE yang gagal dan empat pertanyaan yang perlu dijawab kelompok sebelum memilih jenis usaha.",
            "minutes": 25,
            "body": [
                (
                    "text",
                    "<h2>Belajar dari KUBE yang gagal</h2><p>Sebuah kajian atas sedikitnya 15 karya tulis tentang KUBE menemukan sejumlah sebab kegagalan yang berulang. Di antaranya: jenis usaha tidak sesuai dengan sumber daya setempat, tidak sesuai dengan kebiasaan warga, cara berdagang kurang tepat, pembagian kerja dirasa tidak adil, dan mutu bantuan tidak sesuai, misalnya bibit ternak yang terlalu kecil. Kelompok yang dibentuk mendadak tanpa sosialisasi juga cepat berhenti.</p><p>Pelajarannya sederhana: usaha dipilih <b>oleh anggota</b>, berdasarkan <b>kekuatan setempat</b>, bukan karena meniru desa lain atau karena saran dari atas.</p>",
                ),
                (
                    "text",
                    "<h2>Empat pertanyaan sebelum memilih usaha</h2><ol><li><b>Keterampilan</b>: apakah anggota sudah pernah mengerjakannya?</li><li><b>Bahan baku</b>: apakah mudah didapat di sekitar dan harganya stabil?</li><li><b>Pembeli</b>: siapa yang akan membeli, di mana, dan berapa banyak?</li><li><b>Waktu balik modal</b>: kapan hasil pertama datang? Ternak sapi butuh waktu lama, sedangkan makanan ringan bisa menghasilkan setiap minggu.</li></ol><h3>Usaha bersama atau usaha perorangan?</h3><p>Ada dua pola. Pada pola pertama setiap keluarga menjalankan usahanya sendiri, sedangkan kelompok mengatur pertemuan, pembukuan, dan simpan pinjam. Pada pola kedua semua anggota menanam modal, bekerja, serta menanggung untung dan rugi bersama. Pola kedua membutuhkan rasa saling percaya yang kuat dan pembukuan yang sangat tertib.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Kolam lele atau domba?",
                        "place": "Desa Sumberanyar, Kabupaten Probolinggo",
                        "story": "<p>Sepuluh keluarga baru membentuk KUBE. Ada usulan dari luar agar mereka beternak lele. Pendamping, Pak Slamet, mengajak anggota memetakan keadaan lebih dulu. Ternyata sumur di desa sering kering saat kemarau, sedangkan hampir semua laki-laki anggota terbiasa menggembala domba dan rumput tersedia di tegalan. Menjelang Iduladha, harga domba biasanya naik.</p><p>Beberapa ibu ingin penghasilan yang lebih cepat. Akhirnya disepakati: enam keluarga beternak domba, empat keluarga membuat rengginang untuk warung sekitar. Pembukuan, pertemuan, dan IKS tetap dikelola sebagai satu kelompok.</p>",
                        "questions": [
                            "Data apa yang membuat kelompok menolak usulan kolam lele?",
                            "Mengapa kelompok memilih dua jenis usaha sekaligus?",
                        ],
                    },
                ),
                (
                    "practice_question",
                    {
                        "question": "Usaha mana yang paling tepat dipilih sebuah KUBE?",
                        "choices": [
                            {
                                "text": "Usaha yang sedang ramai di desa tetangga, walaupun anggota belum pernah mencobanya.",
                                "is_correct": False,
                                "feedback": "Meniru tanpa keterampilan dan tanpa melihat pasar sendiri adalah salah satu sebab KUBE gagal.",
                            },
                            {
                                "text": "Usaha yang sudah dikuasai anggota, bahan bakunya tersedia di sekitar, dan pembelinya jelas.",
                                "is_correct": True,
                                "feedback": "Tepat. Keterampilan, bahan baku, dan pasar setempat adalah dasar usaha yang tahan lama.",
                            },
                            {
                                "text": "Usaha yang paling mahal, supaya seluruh dana bantuan terpakai habis.",
                                "is_correct": False,
                                "feedback": "Besarnya belanja tidak menjamin hasil. Usaha harus menutup biaya dan memberi keuntungan.",
                            },
                        ],
                        "explanation": "Pilih usaha berdasarkan keterampilan anggota, bahan baku, pembeli, dan waktu balik modal, lalu putuskan bersama dalam pertemuan.",
                    },
                ),
            ],
        },
        {
            "title": "Harga jual, kemasan, dan pemasaran",
            "slug": "harga-kemasan-pemasaran",
            "summary": "Cara menghitung biaya dan harga jual per bungkus, serta memperbaiki kemasan dan memperluas tempat penjualan.",
            "minutes": 25,
            "body": [
                (
                    "text",
                    "<h2>Menghitung harga jual</h2><p>Banyak kelompok menjual terlalu murah karena tidak menghitung semua biaya. Contoh satu kali produksi 50 bungkus keripik pisang:</p><ul><li>pisang dan bumbu: Rp120.000</li><li>minyak goreng dan gas: Rp40.000</li><li>plastik dan label: Rp25.000</li><li>ongkos antar ke warung: Rp15.000</li></ul><p>Total biaya Rp200.000, jadi biaya per bungkus Rp4.000. Bila dijual Rp5.000, keuntungannya Rp1.000 per bungkus atau Rp50.000 sekali produksi. Ingat, tenaga anggota belum dihitung. Keuntungan itu sebenarnya upah kerja mereka. Bandingkan juga dengan harga produk serupa di pasar sebelum menetapkan harga.</p>",
                ),
                (
                    "text",
                    "<h2>Kemasan dan pemasaran</h2><p>Kemasan yang rapi membuat produk dipercaya pembeli. Label paling sedikit memuat nama produk, nama kelompok, berat isi, tanggal produksi, dan alamat atau nomor telepon. Untuk produk pangan, tanyakan ke dinas terkait tentang izin pangan rumah tangga.</p><p>Jangan bergantung pada satu tempat penjualan. Pilihan yang bisa dicoba:</p><ul><li>warung dan kantin sekolah di sekitar desa;</li><li>toko oleh-oleh di jalan raya atau dekat tempat wisata;</li><li>pameran yang diadakan dinas perdagangan;</li><li>pesanan lewat pesan singkat di ponsel, terutama menjelang hari raya.</li></ul><p>Jaga mutu tetap sama dari waktu ke waktu. Pembeli yang kecewa sekali biasanya tidak kembali.</p>",
                ),
                (
                    "practice_question",
                    {
                        "question": "Biaya satu kali produksi 40 bungkus rengginang adalah Rp160.000. Berapa biaya per bungkus?",
                        "choices": [
                            {
                                "text": "Rp2.500",
                                "is_correct": False,
                                "feedback": "Coba hitung lagi: Rp160.000 dibagi 40 bungkus.",
                            },
                            {
                                "text": "Rp4.000",
                                "is_correct": True,
                                "feedback": "Benar: 160.000 dibagi 40 sama dengan 4.000. Harga jual harus di atas angka ini.",
                            },
                            {
                                "text": "Rp6.400",
                                "is_correct": False,
                                "feedback": "Angka ini terlalu besar. Bagilah total biaya dengan jumlah bungkus.",
                            },
                        ],
                        "explanation": "Biaya per bungkus sama dengan total biaya dibagi jumlah bungkus. Harga jual yang sehat berada di atas biaya per bungkus dan tetap bersaing dengan harga pasar.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Sebelum menitipkan produk ke toko",
                        "items": [
                            "Biaya per bungkus sudah dihitung, termasuk kemasan dan ongkos antar.",
                            "Harga jual sudah dibandingkan dengan produk serupa.",
                            "Label lengkap: nama, berat, tanggal produksi, dan kontak.",
                            "Ada kesepakatan tertulis tentang pembagian hasil dan waktu pembayaran.",
                            "Ada catatan jumlah barang yang dititipkan dan yang sudah terjual.",
                            "Ada jadwal mengambil barang yang tidak laku atau hampir kedaluwarsa.",
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Pilih satu produk yang dibuat warga di desa Anda. Hitung kira-kira biaya per buah atau per bungkus, lalu bandingkan dengan harga jualnya. Apakah pembuatnya benar-benar untung?",
                        "guidance": "Tulis setiap jenis biaya dalam daftar, sekecil apa pun.",
                    },
                ),
            ],
        },
    ],
}

MODULE_KEUANGAN = {
    "title": "Pembukuan, tabungan, dan lembaga keuangan mikro",
    "slug": "pembukuan-tabungan-lkm",
    "intro": "Uang kelompok yang tercatat rapi adalah dasar kepercayaan, baik di antara anggota maupun dengan lembaga keuangan. Modul ini membahas buku-buku KUBE, laporan bulanan, simpan pinjam, dan jalan menuju lembaga keuangan mikro.",
    "role": "mobilisator",
    "lessons": [
        {
            "title": "Pembukuan kelompok yang tertib",
            "slug": "pembukuan-kelompok",
            "summary": "Buku apa saja yang perlu dimiliki KUBE, siapa yang memegangnya, dan cara membuat laporan bulanan satu halaman.",
            "minutes": 25,
            "body": [
                (
                    "text",
                    "<h2>Buku-buku KUBE</h2><p>KUBE yang tertib biasanya memiliki buku-buku berikut:</p><ul><li><b>Daftar anggota</b> dan <b>daftar hadir</b> pertemuan.</li><li><b>Buku notulen</b> untuk mencatat keputusan.</li><li><b>Buku kas umum</b> untuk uang usaha.</li><li><b>Buku IKS</b> untuk iuran kesetiakawanan sosial.</li><li><b>Buku simpanan</b> dan <b>buku pinjaman</b> per anggota.</li><li><b>Buku inventaris</b> untuk aset seperti mesin, kandang, atau peralatan.</li></ul><p>Sekretaris memegang daftar hadir dan notulen, bendahara memegang buku keuangan. Pendamping tidak memegang uang atau buku kelompok; ia membimbing cara mengisinya.</p>",
                ),
                (
                    "image",
                    {
                        "image": "buku-kas",
                        "alt": "Tabel buku kas KUBE bulan Maret dengan kolom Tanggal, Uraian, Masuk, Keluar, dan Saldo; saldo awal Rp1.250.000 dan saldo akhir Rp1.175.000.",
                        "caption": "Contoh buku kas umum yang menjadi dasar laporan bulanan.",
                    },
                ),
                (
                    "text",
                    "<h2>Laporan bulanan satu halaman</h2><p>Setiap akhir bulan bendahara membuat ringkasan: saldo awal, jumlah uang masuk, jumlah uang keluar, saldo akhir, jumlah simpanan, pinjaman yang belum lunas, tunggakan, saldo IKS, dan daftar aset.</p><p>Dari buku kas contoh di atas, uang masuk selama Maret berjumlah Rp290.000 dan uang keluar Rp365.000. Jadi saldo turun dari Rp1.250.000 menjadi Rp1.175.000. Penurunan ini wajar bila uangnya dipakai untuk pakan dan obat ternak, asalkan ada nota dan tercatat.</p><p>Laporan dibacakan di pertemuan, ditandatangani ketua dan bendahara, dan salinannya diberikan kepada pendamping untuk bahan laporan ke Dinas Sosial.</p>",
                ),
                (
                    "practice_question",
                    {
                        "question": "Saldo awal Rp1.250.000, total uang masuk sebulan Rp290.000, dan total uang keluar Rp365.000. Berapa saldo akhir bulan itu?",
                        "choices": [
                            {
                                "text": "Rp1.175.000",
                                "is_correct": True,
                                "feedback": "Benar: 1.250.000 + 290.000 - 365.000 = 1.175.000.",
                            },
                            {
                                "text": "Rp1.325.000",
                                "is_correct": False,
                                "feedback": "Uang keluar lebih besar daripada uang masuk, jadi saldo seharusnya turun, bukan naik.",
                            },
                            {
                                "text": "Rp1.905.000",
                                "is_correct": False,
                                "feedback": "Uang keluar harus dikurangkan, bukan ditambahkan.",
                            },
                        ],
                        "explanation": "Saldo akhir sama dengan saldo awal ditambah uang masuk, dikurangi uang keluar. Cocokkan hasilnya dengan uang tunai dan saldo rekening.",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Bendahara pindah ke kota",
                        "place": "Desa Wonokerto, Kabupaten Sleman",
                        "story": "<p>Bendahara KUBE Sekar Arum mendapat pekerjaan di kota dan harus pindah dalam seminggu. Selama ini hanya dia yang memegang dan memahami semua buku keuangan.</p><p>Pendamping segera mengusulkan serah terima di pertemuan. Bendahara lama dan bendahara baru menghitung uang tunai, mencocokkan saldo buku kas dengan buku tabungan bank, dan memeriksa daftar pinjaman yang belum lunas. Hasilnya ditulis dalam berita acara serah terima yang ditandatangani ketua, kedua bendahara, dan dua anggota sebagai saksi. Sejak itu kelompok sepakat melatih satu anggota cadangan untuk setiap jabatan pengurus.</p>",
                        "questions": [
                            "Risiko apa yang muncul bila buku keuangan hanya dipahami satu orang?",
                            "Apa saja yang diperiksa saat serah terima?",
                        ],
                    },
                ),
            ],
        },
        {
            "title": "Simpanan, pinjaman, dan lembaga keuangan mikro",
            "slug": "simpanan-pinjaman-lkm",
            "summary": "Cara menumbuhkan tabungan, menjaga pinjaman tetap lancar, dan menyiapkan KUBE untuk bergabung dalam lembaga keuangan mikro.",
            "minutes": 25,
            "body": [
                (
                    "text",
                    "<h2>Dari tabungan kecil ke modal bersama</h2><p>Salah satu tanda KUBE berhasil adalah <b>pertumbuhan</b>: keluarga mampu mengendalikan pengeluaran dan menyisihkan sebagian penghasilan untuk ditabung. Tabungan kecil yang rutin lama-lama menjadi modal bersama untuk simpan pinjam.</p><p>Kepercayaan adalah modal yang tidak kalah penting. Bank biasanya meminta jaminan, tetapi kelompok yang anggotanya sepakat <b>menanggung bersama dan saling mengawasi</b> dapat dipercaya lembaga keuangan tanpa jaminan barang. Bila satu anggota lalai, kepercayaan kepada seluruh kelompok ikut hilang. Karena itu anggota saling mengingatkan agar angsuran tetap lancar.</p>",
                ),
                (
                    "text",
                    "<h2>Lembaga keuangan mikro (LKM)</h2><p>Dalam program KUBE, tahap penguatan berbentuk LKM. Tahap ini diutamakan bagi KUBE pengembangan (BLPS) yang berkomitmen menjadi anggota LKM, dengan jumlah minimal 10 KUBE di satu kecamatan. LKM melayani simpan pinjam yang lebih luas, termasuk keluarga miskin lain di sekitarnya.</p><p>Tugas pendamping dalam tahap ini:</p><ul><li>memastikan pembukuan setiap KUBE rapi dan terbuka;</li><li>melatih pengurus membaca laporan keuangan;</li><li>menghubungkan kelompok dengan dinas koperasi dan lembaga keuangan;</li><li>membantu menyusun aturan pinjaman yang adil dan cara menangani tunggakan.</li></ul>",
                ),
                (
                    "case_study",
                    {
                        "title": "Simpan pinjam yang tumbuh pelan-pelan",
                        "place": "Kelurahan Pemurus Dalam, Kota Banjarmasin",
                        "story": "<p>KUBE Permata beranggotakan delapan ibu pedagang sayur. Mereka mulai menabung Rp10.000 per bulan dan meminjamkan modal kecil kepada anggota secara bergiliran. Bendahara mencatat setiap setoran di buku simpanan dan membacakannya di pertemuan.</p><p>Setelah dua tahun tanpa tunggakan, kelompok mendapat pinjaman tambahan dari sebuah lembaga keuangan. Simpan pinjam mereka kini juga melayani beberapa tetangga. Ketika seorang anggota terlambat mengangsur karena suaminya sakit, kelompok menutup angsurannya sementara dan menyepakati jadwal pengembalian baru.</p>",
                        "questions": [
                            "Apa yang membuat lembaga keuangan mau memberi pinjaman kepada KUBE Permata?",
                            "Bagaimana kelompok menangani angsuran yang terlambat tanpa merusak kepercayaan?",
                        ],
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Kesiapan KUBE sebelum bergabung dalam LKM",
                        "items": [
                            "Buku kas, simpanan, dan pinjaman lengkap dan diperiksa rutin.",
                            "Tunggakan pinjaman anggota kecil atau tidak ada.",
                            "Anggota paham hak dan kewajiban sebagai anggota LKM.",
                            "Pengurus mampu membaca dan menjelaskan laporan keuangan.",
                            "Keputusan bergabung diambil dalam pertemuan dan dicatat di notulen.",
                        ],
                    },
                ),
            ],
        },
    ],
}

MODULE_KOPERASI = {
    "title": "Dari KUBE menuju koperasi",
    "slug": "dari-kube-ke-koperasi",
    "intro": "Koperasi yang dikelola oleh dan untuk bekas anggota KUBE adalah puncak perjalanan kelompok. Modul ini menjelaskan jenjang menuju koperasi, cara belajar di setiap jenjang, dan langkah praktis membentuk koperasi bersama dinas koperasi.",
    "role": "penghubung",
    "lessons": [
        {
            "title": "Jalan panjang menuju koperasi",
            "slug": "jalan-menuju-koperasi",
            "summary": "Jenjang dari KUBE Tumbuh sampai koperasi dan cara kelompok belajar di setiap jenjang.",
            "minutes": 25,
            "body": [
                (
                    "text",
                    "<h2>Jenjang KUBE</h2><p>Koperasi tidak lahir dalam semalam. KUBE melewati beberapa jenjang: <b>KUBE Tumbuh</b>, lalu <b>forum jaringan KUBE</b> tempat beberapa kelompok saling belajar, kemudian <b>KUBE Berkembang</b> (BLPS), <b>KUBE Mantap</b> yang membentuk LKM, dan akhirnya <b>koperasi</b>.</p><p>Di setiap jenjang, KUBE dinilai dengan sembilan indikator, antara lain kelembagaan, mutu kepengurusan, jaringan kemitraan, serta perkembangan usaha dan modal. Makin mandiri kelompok, makin besar kemampuannya memakai sumber dari dalam dan luar, dan makin kecil peran pendamping.</p>",
                ),
                (
                    "image",
                    {
                        "image": "jalur-koperasi",
                        "alt": "Bagan lima kotak berurutan dengan panah: KUBE Tumbuh, Forum jaringan KUBE, KUBE Berkembang (BLPS), KUBE Mantap (LKM), Koperasi. Di bawahnya tertulis cara belajar: belajar efisien, belajar efektif, perluasan belajar, dan belajar mandiri.",
                        "caption": "Jalur dari KUBE Tumbuh menuju koperasi dan cara belajar di setiap jenjang.",
                    },
                ),
                (
                    "text",
                    "<h2>Cara belajar di setiap jenjang</h2><ul><li><b>Belajar efisien</b> (KUBE Tumbuh): anggota mengenal hal baru dan mencoba-coba. Belum ada penghargaan atau sanksi.</li><li><b>Belajar efektif</b> (KUBE Berkembang): aturan dan kesepakatan kelompok mulai disusun dan ditaati.</li><li><b>Perluasan belajar</b> (KUBE Mantap): ada pakta integritas, penghargaan dan sanksi, serta jaringan pendukung yang makin luas.</li><li><b>Belajar mandiri</b> (embrio koperasi): kelompok berinovasi sendiri dalam kelembagaan, kegiatan, pengelolaan, dan perluasan keanggotaan.</li></ul><p>Perhatikan juga sifat wilayah. Di desa, ikatan kekeluargaan dan gotong royong biasanya kuat. Di kota, hubungan warga lebih banyak didasarkan pada kepentingan masing-masing. Koperasi dengan aturan yang jelas cocok untuk mengikat kerja sama di lingkungan kota.</p>",
                ),
                (
                    "practice_question",
                    {
                        "question": "Sebuah KUBE baru terbentuk tiga bulan lalu. Cara belajar mana yang paling tepat?",
                        "choices": [
                            {
                                "text": "Langsung menerapkan sanksi denda yang berat agar anggota disiplin.",
                                "is_correct": False,
                                "feedback": "Sanksi berat di awal membuat anggota takut mencoba dan mudah keluar.",
                            },
                            {
                                "text": "Mengenalkan hal-hal baru dan memberi ruang untuk mencoba, tanpa penghargaan dan sanksi dulu.",
                                "is_correct": True,
                                "feedback": "Tepat. Inilah belajar efisien pada tahap KUBE Tumbuh.",
                            },
                            {
                                "text": "Membiarkan kelompok berinovasi sendiri tanpa pendampingan.",
                                "is_correct": False,
                                "feedback": "Belajar mandiri baru cocok pada tahap embrio koperasi, bukan untuk kelompok baru.",
                            },
                        ],
                        "explanation": "Cara belajar disesuaikan dengan jenjang kelompok: dari mencoba-coba, ke aturan bersama, ke penghargaan dan sanksi, lalu ke kemandirian penuh.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Di jenjang mana KUBE yang Anda kenal saat ini? Cara belajar apa yang cocok untuk jenjang itu, dan apa satu langkah agar kelompok naik ke jenjang berikutnya?",
                        "guidance": "Gunakan ciri jenjang dan cara belajar dari pelajaran ini sebagai pegangan.",
                    },
                ),
            ],
        },
        {
            "title": "Langkah membentuk koperasi",
            "slug": "langkah-membentuk-koperasi",
            "summary": "Tanda kelompok siap berkoperasi dan lima langkah membentuk koperasi bersama dinas koperasi.",
            "minutes": 25,
            "body": [
                (
                    "text",
                    "<h2>Apakah kelompok sudah siap?</h2><p>Tanda-tanda kesiapan antara lain:</p><ul><li>pembukuan beberapa KUBE sudah rapi selama bertahun-tahun;</li><li>simpanan anggota terus bertambah dan pinjaman lancar;</li><li>ada kebutuhan bersama yang lebih mudah dipenuhi lewat koperasi, misalnya membeli bahan baku dalam jumlah besar atau memasarkan hasil bersama;</li><li>ada calon pengurus yang jujur dan mampu;</li><li>anggota memahami bahwa koperasi adalah milik mereka, bukan milik pemerintah atau pendamping.</li></ul>",
                ),
                (
                    "text",
                    "<h2>Lima langkah</h2><ol><li><b>Diskusi dan sosialisasi</b>: bahas manfaat, hak, dan kewajiban anggota koperasi di setiap KUBE.</li><li><b>Konsultasi ke Dinas Koperasi dan UKM</b>: tanyakan syarat terbaru, seperti jumlah pendiri, dokumen, dan modal awal. Aturan dapat berubah, jadi selalu minta informasi yang berlaku.</li><li><b>Rapat pembentukan</b>: sepakati nama, jenis usaha koperasi, anggaran dasar, besar simpanan pokok dan simpanan wajib, lalu pilih pengurus dan pengawas.</li><li><b>Pengesahan</b>: akta pendirian dibuat oleh notaris yang berwenang lalu disahkan pemerintah. Dinas koperasi dapat menjelaskan prosesnya.</li><li><b>Menjalankan koperasi</b>: usaha berjalan, pembukuan rapi, dan rapat anggota tahunan diadakan setiap tahun.</li></ol><p>Pendamping tetap menjadi penghubung dan pemberi informasi. Sebaiknya ia tidak menjadi pengurus agar koperasi benar-benar dikelola anggota.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Dua belas KUBE, satu koperasi",
                        "place": "Desa Banjararum, Kabupaten Kulon Progo",
                        "story": "<p>Dua belas KUBE di satu kecamatan sudah beberapa tahun bergabung dalam sebuah LKM. Sebagian besar anggotanya membuat gula kelapa dan selalu menjual kepada pengepul dengan harga rendah. Dalam forum jaringan KUBE muncul gagasan memasarkan gula bersama.</p><p>Pendamping, Bu Wulan, mengundang petugas dinas koperasi untuk menjelaskan syarat dan langkah pendirian koperasi. Rapat pembentukan berlangsung alot, terutama soal besar simpanan pokok. Akhirnya anggota memilih jumlah yang terjangkau dengan simpanan wajib bulanan yang kecil. Bu Wulan menolak dicalonkan sebagai ketua dan tetap membantu dari luar.</p>",
                        "questions": [
                            "Kebutuhan bersama apa yang mendorong pembentukan koperasi ini?",
                            "Mengapa Bu Wulan menolak menjadi ketua koperasi?",
                        ],
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Disiapkan sebelum rapat pembentukan",
                        "items": [
                            "Daftar calon anggota lengkap dengan data diri.",
                            "Catatan keuangan dan simpanan setiap KUBE.",
                            "Rancangan anggaran dasar yang sudah dibahas di setiap KUBE.",
                            "Usulan besar simpanan pokok dan simpanan wajib.",
                            "Calon pengurus dan pengawas.",
                            "Informasi syarat terbaru dari Dinas Koperasi dan UKM.",
                        ],
                    },
                ),
            ],
        },
    ],
}

KEWIRAUSAHAAN_KOPERASI = {
    "code": "PKUBE-201",
    "title": "Kewirausahaan dan Koperasi untuk KUBE",
    "slug": "kewirausahaan-dan-koperasi-untuk-kube",
    "summary": "Kursus lanjutan bagi pendamping yang telah lulus Dasar-Dasar Pendampingan Sosial KUBE. Peserta belajar memilih dan merencanakan usaha, menghitung harga jual, dan memperluas pasar. Peserta juga menata pembukuan, simpan pinjam, dan jalan menuju lembaga keuangan mikro, sampai langkah membentuk koperasi bersama dinas koperasi.",
    "study_hours": 16,
    "learning_format": "in_house",
    "pass_mark": 70,
    "roles": ["pembimbing", "mobilisator", "penghubung"],
    "aspects": ["peran-dalam-uep"],
    "prerequisites": ["PKUBE-101"],
    "modules": [MODULE_RENCANA_USAHA, MODULE_KEUANGAN, MODULE_KOPERASI],
}
