"""PKUBE-101, modules for roles 7-8: Advokator and Pembimbing & Perencana."""

MODULE_ADVOKATOR = {
    "title": "Pendamping sebagai Advokator",
    "slug": "advokator",
    "intro": "Keluarga miskin sering tidak berani menuntut haknya atau mudah tergoda memakai bantuan untuk kebutuhan sesaat. Modul ini membahas cara mengawal pencairan dana bantuan dan cara memperjuangkan hak anggota dengan langkah yang tertib.",
    "role": "advokator",
    "lessons": [
        {
            "title": "Mengawal pencairan dana bantuan",
            "slug": "mengawal-pencairan-dana",
            "summary": "Langkah mengawal dana stimulan dari rekening kelompok sampai belanja usaha, agar bantuan tidak habis untuk konsumsi.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Saat dana cair, godaan datang</h2><p>Penelitian di Banjarmasin mencatat bahwa pendampingan sangat dibutuhkan saat dana bantuan cair. Pada saat itu anggota cenderung memakai uang untuk kebutuhan konsumtif, seperti melunasi utang warung atau membeli barang rumah tangga, bukan untuk usaha.</p><p>Advokator membela kepentingan anggota dalam jangka panjang. Kepentingan itu adalah usaha yang terus menghasilkan, bukan uang yang habis dalam seminggu. Karena itu, sebelum dana cair kelompok perlu mendapat bimbingan teknis pemanfaatan bantuan dan membuka rekening atas nama kelompok.</p>",
                ),
                (
                    "text",
                    "<h2>Langkah mengawal</h2><ol><li>Pastikan rekening atas nama <b>kelompok</b>, bukan pribadi, dengan tanda tangan dua pengurus untuk setiap penarikan.</li><li>Susun <b>rencana belanja rinci</b> sebelum dana cair: barang apa, berapa banyak, di mana dibeli, dan berapa harganya.</li><li>Dampingi pengurus saat penarikan dan belanja. Minta nota untuk setiap pembelian.</li><li>Umumkan penggunaan dana di pertemuan dan catat di buku kas.</li><li>Bila ada pihak yang meminta potongan atau imbalan, tolak dengan sopan dan laporkan ke Dinas Sosial.</li></ol>",
                ),
                (
                    "case_study",
                    {
                        "title": "Dana stimulan dan utang warung",
                        "place": "Desa Tamanan, Kabupaten Bondowoso",
                        "story": "<p>KUBE Rukun Tani akan menerima dana stimulan untuk usaha ternak domba. Seminggu sebelum pencairan, pendamping mendengar beberapa anggota berencana memakai bagiannya untuk melunasi utang warung dan membeli televisi.</p><p>Pendamping, Pak Hasan, segera mengadakan pertemuan. Ia tidak memarahi siapa pun, tetapi mengajak anggota menghitung hasil domba dalam setahun dibandingkan dengan manfaat televisi. Kelompok menyepakati bahwa seluruh dana dipakai untuk bibit domba, pakan, dan perbaikan kandang. Anggota yang terlilit utang dibantu menyusun rencana pelunasan dari hasil penjualan pertama. Ketika seseorang dari luar desa menawarkan 'jasa pengurusan' dengan meminta potongan, Pak Hasan menolak dan melaporkannya ke Dinas Sosial.</p>",
                        "questions": [
                            "Kepentingan siapa yang dibela Pak Hasan, dan dalam jangka waktu berapa lama?",
                            "Mengapa rencana pelunasan utang tetap perlu dibahas?",
                        ],
                    },
                ),
                (
                    "practice_question",
                    {
                        "question": "Ketua KUBE mengusulkan agar dana stimulan dipindahkan ke rekening pribadinya supaya 'lebih mudah diurus'. Bagaimana sikap pendamping yang tepat?",
                        "choices": [
                            {
                                "text": "Setuju, karena ketua orang yang dipercaya anggota.",
                                "is_correct": False,
                                "feedback": "Kepercayaan tetap perlu dilindungi aturan. Rekening pribadi menyulitkan pengawasan dan mudah menimbulkan kecurigaan.",
                            },
                            {
                                "text": "Menolak, menjelaskan bahwa dana harus tetap di rekening kelompok dengan dua tanda tangan, dan membahasnya di pertemuan.",
                                "is_correct": True,
                                "feedback": "Tepat. Rekening kelompok dan dua tanda tangan melindungi hak semua anggota, termasuk ketua sendiri.",
                            },
                            {
                                "text": "Menyarankan agar dana ditarik tunai dan dibagikan langsung kepada anggota.",
                                "is_correct": False,
                                "feedback": "Dana yang dibagi tunai paling mudah habis untuk konsumsi, dan usaha kelompok tidak berjalan.",
                            },
                        ],
                        "explanation": "Dana bantuan adalah milik kelompok dan untuk usaha. Rekening kelompok, rencana belanja, dan nota adalah alat advokator untuk menjaganya.",
                    },
                ),
            ],
        },
        {
            "title": "Memperjuangkan hak dan kepentingan anggota",
            "slug": "memperjuangkan-hak-anggota",
            "summary": "Hak-hak anggota KUBE dan enam langkah advokasi sederhana, baik di dalam kelompok maupun ke pihak luar.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Hak anggota KUBE</h2><p>Advokator membantu keluarga miskin memperjuangkan kepentingan, hak, dan tanggung jawab sosialnya kepada pihak lain. Hak itu antara lain:</p><ul><li>mengetahui keadaan uang dan keputusan kelompok;</li><li>mendapat bagian hasil yang adil;</li><li>bersuara di pertemuan, termasuk anggota perempuan dan anggota yang paling miskin;</li><li>mendapat layanan sosial dasar seperti kesehatan, pendidikan, dan perbaikan rumah tidak layak huni;</li><li>diperlakukan dengan hormat oleh siapa pun.</li></ul><p>Advokasi tidak berarti pendamping berbicara mewakili anggota selamanya. Tujuannya menguatkan suara anggota sendiri.</p>",
                ),
                (
                    "text",
                    "<h2>Enam langkah advokasi sederhana</h2><ol><li><b>Dengarkan dan catat</b> masalahnya: apa yang terjadi, kapan, dan apa buktinya.</li><li><b>Cari tahu aturannya</b>: hak apa yang berlaku? Tanyakan ke kantor desa atau Dinas Sosial.</li><li><b>Tentukan siapa yang berwenang</b> memutuskan.</li><li><b>Siapkan wakil anggota</b> dan datang bersama mereka.</li><li><b>Sampaikan dengan sopan</b>, sebaiknya juga secara tertulis.</li><li><b>Tindak lanjuti</b> dan laporkan hasilnya ke kelompok.</li></ol><p>Advokasi juga berlaku di dalam kelompok. Contohnya ketika ketua tidak demokratis atau ada anggota yang selalu dilewati saat pembagian tugas.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Anggota yang belum terdaftar layanan kesehatan",
                        "place": "Desa Sukorejo, Kabupaten Jember",
                        "story": "<p>Bu Tarmi, anggota KUBE Melati, adalah janda dengan dua anak. Anak bungsunya sering sakit, tetapi keluarga ini belum terdaftar dalam program bantuan kesehatan. Ia malu bertanya karena merasa 'tidak tahu aturan'.</p><p>Pendamping membantu Bu Tarmi mengumpulkan kartu keluarga dan KTP, lalu menemaninya ke kantor desa untuk memastikan datanya tercatat sebagai keluarga miskin. Dari sana mereka diarahkan ke Dinas Sosial kabupaten. Dua bulan kemudian keluarga itu terdaftar. Bu Tarmi kemudian menceritakan langkah-langkahnya di pertemuan, dan dua anggota lain mengikuti jejaknya.</p>",
                        "questions": [
                            "Langkah advokasi mana saja yang terlihat dalam cerita ini?",
                            "Mengapa penting bahwa Bu Tarmi sendiri menceritakan pengalamannya di pertemuan?",
                        ],
                    },
                ),
                (
                    "practice_question",
                    {
                        "question": "Di sebuah KUBE, ketua selalu memberi pinjaman kelompok kepada kerabatnya lebih dulu, sementara anggota lain menunggu berbulan-bulan. Apa langkah advokasi yang paling tepat?",
                        "choices": [
                            {
                                "text": "Menegur ketua dengan keras di depan semua anggota.",
                                "is_correct": False,
                                "feedback": "Teguran keras membuat ketua bertahan dan suasana kelompok memburuk.",
                            },
                            {
                                "text": "Mengumpulkan fakta dari buku pinjaman, lalu mengajak kelompok menyepakati aturan urutan pinjaman yang berlaku untuk semua.",
                                "is_correct": True,
                                "feedback": "Tepat. Fakta tertulis dan aturan bersama melindungi hak semua anggota tanpa menyerang pribadi.",
                            },
                            {
                                "text": "Meminjamkan uang pribadi pendamping kepada anggota yang menunggu.",
                                "is_correct": False,
                                "feedback": "Cara itu tidak menyelesaikan masalah dan membuat anggota bergantung pada pendamping.",
                            },
                        ],
                        "explanation": "Advokasi di dalam kelompok dimulai dari fakta, lalu diselesaikan dengan aturan yang disepakati bersama.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Apakah ada anggota KUBE atau warga miskin di desa Anda yang belum mendapat haknya? Tuliskan masalahnya, hak apa yang terkait, dan siapa yang berwenang memutuskan.",
                        "guidance": "Tulis fakta, bukan kabar angin, dan jangan menuliskan nama lengkap orang.",
                    },
                ),
            ],
        },
    ],
}

MODULE_PEMBIMBING = {
    "title": "Pendamping sebagai Pembimbing dan Perencana",
    "slug": "pembimbing",
    "intro": "Modul penutup ini membahas cara menyusun rencana kerja bersama kelompok dan memahami tahapan program KUBE dari persiapan sampai penyerahan kepada pemerintah daerah.",
    "role": "pembimbing",
    "lessons": [
        {
            "title": "Menyusun rencana kerja bersama kelompok",
            "slug": "rencana-kerja-kelompok",
            "summary": "Cara menyusun rencana kerja yang dibuat sendiri oleh anggota, dengan tujuan terukur, pembagian tugas, waktu, dan biaya.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Rencana yang disusun bersama</h2><p>Pembimbing dan perencana membantu, membimbing, dan mengarahkan kelompok dalam merencanakan kegiatan. Ia juga memberi informasi yang dibutuhkan anggota untuk memecahkan masalah dan mengembangkan usaha.</p><p>Rencana kerja harus disusun <b>oleh anggota</b>, bukan ditulis pendamping sendirian di rumah. Rencana yang dibuat bersama lebih mudah dijalankan, karena setiap orang tahu alasan dan bagiannya. Mulailah dari kebutuhan dan kemampuan kelompok, bukan dari angan-angan.</p>",
                ),
                (
                    "text",
                    "<h2>Isi rencana kerja</h2><ul><li><b>Tujuan</b> yang terukur, misalnya: 'Menjual 200 bungkus kue kering per bulan ke luar kecamatan sebelum Lebaran.'</li><li><b>Kegiatan</b> untuk mencapai tujuan itu.</li><li><b>Penanggung jawab</b> setiap kegiatan.</li><li><b>Waktu</b> mulai dan selesai.</li><li><b>Biaya</b> dan sumber dananya.</li><li><b>Tanda berhasil</b> yang dapat dilihat atau dihitung.</li></ul><p>Tulis rencana dalam tabel sederhana di buku kelompok. Periksa kemajuannya di setiap pertemuan rutin, dan ubah rencana bila keadaan berubah, misalnya saat harga bahan baku naik.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Rencana kue kering menjelang Lebaran",
                        "place": "Kelurahan Kelayan Selatan, Kota Banjarmasin",
                        "story": "<p>Anggota KUBE Berkah Bersama biasanya membuat kue kering hanya bila ada pesanan tetangga. Tiga bulan sebelum Lebaran, pendamping mengajak mereka menyusun rencana. Tujuannya disepakati: 200 bungkus per bulan, sebagian dikirim ke luar daerah lewat kerabat anggota yang berdagang di kota lain.</p><p>Di papan tulis mereka membagi tugas: dua orang membeli bahan, empat orang membuat kue, satu orang mengurus kemasan dan pengiriman, dan bendahara mencatat biaya. Rencana diperiksa di setiap pertemuan. Pada minggu kedua harga mentega naik, jadi kelompok menyesuaikan harga jual. Target tercapai pada bulan kedua.</p>",
                        "questions": [
                            "Apa tujuan terukur dalam rencana ini?",
                            "Apa yang dilakukan kelompok ketika keadaan berubah?",
                        ],
                    },
                ),
                (
                    "practice_question",
                    {
                        "question": "Tujuan mana yang paling baik ditulis dalam rencana kerja KUBE?",
                        "choices": [
                            {
                                "text": "Usaha kelompok makin maju.",
                                "is_correct": False,
                                "feedback": "Terlalu umum. Tidak ada yang bisa diukur atau diperiksa.",
                            },
                            {
                                "text": "Menjual 150 bungkus keripik per bulan di tiga warung sekolah mulai bulan Juli.",
                                "is_correct": True,
                                "feedback": "Tepat. Tujuan ini jelas jumlahnya, tempatnya, dan waktunya, sehingga mudah dipantau.",
                            },
                            {
                                "text": "Semua anggota menjadi kaya dalam setahun.",
                                "is_correct": False,
                                "feedback": "Tidak realistis dan tidak jelas ukurannya.",
                            },
                        ],
                        "explanation": "Tujuan yang baik menjawab pertanyaan berapa, di mana, dan kapan. Dengan begitu kelompok dapat memeriksa sendiri kemajuannya.",
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Ciri rencana kerja yang baik",
                        "items": [
                            "Disusun dan disetujui dalam pertemuan anggota.",
                            "Tujuannya terukur: ada jumlah, tempat, dan waktu.",
                            "Setiap kegiatan punya penanggung jawab.",
                            "Biaya dan sumber dana tercatat.",
                            "Rencana diperiksa di setiap pertemuan rutin.",
                            "Perubahan rencana dicatat di notulen.",
                        ],
                    },
                ),
            ],
        },
        {
            "title": "Tahapan program KUBE dari T0 sampai T3",
            "slug": "tahapan-program-t0-t3",
            "summary": "Empat tahap program KUBE selama sekitar empat tahun dan jenjang penguatan KUBE setelahnya.",
            "minutes": 20,
            "body": [
                (
                    "text",
                    "<h2>Empat tahap program</h2><p>Program KUBE berjalan setidaknya empat tahun berturut-turut. Pembimbing perlu tahu tahap yang sedang dijalani kelompok agar informasi dan bimbingan yang diberikan tepat waktu.</p><ul><li><b>T0 Persiapan</b>: identifikasi dan seleksi calon anggota, orientasi dan observasi, penyuluhan dan sosialisasi, pembentukan KUBE, verifikasi administrasi, serta penjajakan lokasi dan pemetaan kebutuhan.</li><li><b>T1 Pemberdayaan tahun pertama</b>: bimbingan sosial dan motivasi, pelatihan keterampilan usaha, bimbingan teknis pemanfaatan bantuan, pembukaan rekening kelompok, penyaluran bantuan stimulan, pendampingan, serta pemantauan dan evaluasi.</li><li><b>T2 Pemberdayaan tahun kedua</b>: motivasi lanjutan, akses ke layanan pendidikan dan kesehatan, bimbingan untuk mengembangkan usaha dan menjalin kemitraan dengan dunia usaha, pendampingan, serta pemantauan dan evaluasi.</li><li><b>T3 Terminasi</b>: persiapan pengakhiran, pengakhiran kegiatan, dan penyerahan kepada pemerintah daerah dengan berita acara.</li></ul>",
                ),
                (
                    "image",
                    {
                        "image": "linimasa-t0-t3",
                        "alt": "Garis waktu dengan empat kotak berurutan: T0 Persiapan (seleksi, sosialisasi, pembentukan KUBE), T1 Tahun pertama (pelatihan, rekening kelompok, bantuan stimulan), T2 Tahun kedua (layanan dasar, kemitraan, pengembangan usaha), T3 Terminasi (penyerahan ke pemerintah daerah).",
                        "caption": "Tahapan program KUBE dari persiapan sampai terminasi.",
                    },
                ),
                (
                    "text",
                    "<h2>Setelah terminasi: jenjang penguatan</h2><p>Terminasi bukan akhir usaha. KUBE yang berjalan baik dapat naik ke jenjang berikutnya:</p><ol><li><b>KUBE penumbuhan</b>: kelompok baru dengan bantuan stimulan.</li><li><b>KUBE pengembangan (BLPS)</b>: untuk KUBE penumbuhan yang usaha dan kegiatan sosialnya dinilai maju.</li><li><b>KUBE penguatan (LKM)</b>: untuk KUBE BLPS yang berkomitmen menjadi anggota lembaga keuangan mikro, minimal 10 KUBE di satu kecamatan.</li><li><b>Koperasi</b>: dikelola oleh dan untuk bekas anggota KUBE.</li></ol><p>Makin tinggi jenjangnya, makin kecil peran pendamping. Itulah ukuran keberhasilan seorang pembimbing.</p>",
                ),
                (
                    "practice_question",
                    {
                        "question": "Pada tahap mana rekening kelompok dibuka dan bantuan stimulan disalurkan?",
                        "choices": [
                            {
                                "text": "T0 Persiapan",
                                "is_correct": False,
                                "feedback": "Pada T0 kelompok baru diseleksi, diberi sosialisasi, dan dibentuk. Dana belum disalurkan.",
                            },
                            {
                                "text": "T1 Pemberdayaan tahun pertama",
                                "is_correct": True,
                                "feedback": "Benar. Rekening kelompok dibuka dan bantuan stimulan disalurkan pada tahun pertama, setelah bimbingan teknis pemanfaatan bantuan.",
                            },
                            {
                                "text": "T2 Pemberdayaan tahun kedua",
                                "is_correct": False,
                                "feedback": "Tahun kedua berfokus pada akses layanan dasar, pengembangan usaha, dan kemitraan.",
                            },
                            {
                                "text": "T3 Terminasi",
                                "is_correct": False,
                                "feedback": "Pada T3 kegiatan diakhiri dan diserahkan kepada pemerintah daerah.",
                            },
                        ],
                        "explanation": "Urutannya: kelompok dibentuk (T0), dibekali lalu menerima dana lewat rekening kelompok (T1), dikembangkan (T2), dan diserahkan (T3).",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Di tahap mana KUBE di desa Anda sekarang? Apa yang perlu disiapkan mulai hari ini agar kelompok tetap berjalan setelah pendampingan berakhir?",
                        "guidance": "Pikirkan pengurus, pembukuan, mitra, dan modal yang harus sudah kuat saat terminasi.",
                    },
                ),
            ],
        },
    ],
}
