"""Common Indonesian given names and family names, as data for `transforms/names.py`.

The name rules tell a name from other words mostly by its not being an Indonesian word, a place or an acronym. Many
common names are all three at once ("Budi", "Dewi", "Agus", "Siti", "Bambang", "Sri"): Sastrawi's root words or
the `areaid` register hold them. After a role, a staff word or an honorific in capitals, where the rules must tell
a name from an office or a sentence, a word of this list counts as a name.

Written from general knowledge of naming across Indonesia's regions and religions (Javanese, Sundanese, Balinese,
Batak, Minang, Bugis, Manado, Maluku, Papuan, Chinese-Indonesian, Arabic and Christian given names and family names),
not from complaints, with one exception: "Arifin" and eight other common names of Arabic origin (Amirudin,
Hasanudin, Jamaludin, Nurdin, Saifudin, Samsudin, Syamsul, Zulkifli) were added after a real complaint's "ARIFIN"
was missed, because the stemmer reads it as "arif", a word; and "Fransiska" (with "Frans" and "Fransisca") beside
"Fransiskus", after a sample reporter's name written in lower case was left in the warehouse; and "Iqbal", "Udin" and
the spellings of Muhammad "Mohammad", "Mohamad", "Mochamad", "Mochammad", "Moch", "Moh", "Muh", which an audit of
invented texts found missing. Left out on purpose: names that are also titles,
institutions, places or words complaints often write with a capital ("Raja", "Ratu", "Hakim", "Dewa", "Gusti",
"Daeng", "Hari", "Juli", "Puji", "Jaya", "Utama", "Mandiri", "Permata", "Mega", "Harapan", "Bulan", "Bintang",
"Agung", "Karya", "Citra", "Cahaya", "Damai", "Adil", "Aman", "Bagus", "Mulia", "Sentosa", "Sakti", "Untung",
"Syukur", "Mutiara", "Titik", "Cucu", "Dini", "Tanjung", "Batubara", "Ina").
"""

from __future__ import annotations

GIVEN_NAMES = frozenset("""
Abdul Abdullah Abdurrahman Acep Achmad Ade Adi Adinda Aditya Aep Afrizal Agnes Agus Agustina Agustinus Ahmad Ahmadi
Aini Aisyah Ajat Akbar Albertus Alfian Ali Aloysius Alya Amalia Ambrosius Amelia Amin Aminah Amir Amirudin Ana Anas
Anastasia Andi Andika Andre Andreas Angela Anggi Anggraini Ani Anik Anisa Annisa Anto Anton Antonius Anwar Ari Arie
Arief Arif Arifin Aritonang Ariyanto Arjuna Arya Asep Asih Astuti Atang Aulia Ayu Aziz Azizah Azwar Bagas Baharuddin
Bahrul Bambang Baso Bayu Bella Benediktus Benny Benyamin Bernadeta Bernadus Bima Bowo Budi Burhan Burhanuddin
Cahyadi Cahyo Cecep Christina Cindy Clara Dadan Dadang Daffa Damanik Daniel Darmanto Darmawan Daryono Daud Daulay
David Dea Debora Dede Deden Dedi Dedy Desi Dessy Devi Dewi Diah Dian Didik Dika Dimas Dina Dinda Dio Dita Dodi Dodik
Dominikus Dwi Dwiyanto Edi Edy Efendi Effendi Eka Eko Elia Elis Elisabeth Elly Emi Encep Endah Endang Engkos Engkus
Eni Enjang Entin Erizal Erna Ernawati Erni Erwin Ester Eti Euis Evi Fachri Fadil Fadilah Fadli Fahmi Fahri Faisal
Fajar Fani Farah Farhan Farid Faridah Fathur Fatimah Fauzan Fauzi Febri Febriana Ferry Fikri Fina Firdaus Fitri
Fitria Frans Fransisca Fransiska Fransiskus Gabriel Galih Gede Ghani Gilang Ginting Girsang Giyanto Grace Gregorius
Gultom Gunawan Hadi
Hadinata Hafidz Hafiz Hafsah Halim Halimah Hamdan Hamid Hamidah Hamzah Hana Handayani Hani Hanif Harahap Harjono
Hartanto Hartono Harun Haryanto Haryono Hasan Hasanah Hasanuddin Hasanudin Hasibuan Hasyim Helmi Hendi Hendra Hendri
Hendrikus Hendro Heni Heri Herman Hermanto Heru Hery Hesti Hidayat Hilman Husein Hutabarat Hutagalung Hutapea
Hutauruk Ibrahim Ida Idah Idris Ignatius Iis Ika Ikhsan Ilham Ilyas Imam Iman Imanuel Imas Indah Indra Indri
Indriani Intan Iqbal Ira Irawan Irfan Irma Ismail Iwan Jafar Jajang Jamal Jamaludin Jamil Jamilah Jasman Jihan Joko Julia
Jumadi Jumiati Kadek Kamal Kamaluddin Kartika Kartini Kasiman Kasmini Katarina Kaunang Ketut Kevin Khadijah Khairul
Khoiriyah Kholil Khotimah Kogoya Komang Kornelius Kris Krisna Kuncoro Kurnia Kurniadi Kurniasih Kurniawan Kustini
Kusuma Kusumawati Laila Lailatul Latifah Latuconsina Lestari Lia Liem Lili Lilik Lilis Lina Lubis Lukas Lukito
Lukman Lusi Lusia Lutfi Made Magdalena Mahmud Maimunah Malik Mamahit Maman Mamat Manalu Mandagi Mandowen Mansur
Manurung Mardiyono Margono Maria Mariam Markus Marni Marpaung Martha Maryam Marzuki Masitoh Matius Mawar Maya Melati
Mikael Mila Mira Moch Mochamad Mochammad Moh Mohamad Mohammad Monika Muchtar
Muh Muhamad Muhammad Mujiono Mukhlis Mukti Mulyadi Mulyani Mulyati Mulyono Munawaroh
Munir Munthe Murad Murib Musa Mustafa Mutmainah Nabila Nadia Nadya Nafisah Naila Nainggolan Nanang Nanda Nanik
Napitupulu Nasir Nasrul Nasution Natalia Naufal Nayla Nenden Neneng Nengah Ngurah Nia Nikolas Nina Ningsih Ninik
Nining Nita Nizar Novi Novita Nugraha Nugroho Nunung Nur Nuraini Nurdin Nurhasanah Nurhayati Nurjanah Nurjannah
Nurlela Nurma Nurul Nyoman Oktavia Oman Otong Paijo Painem Pane Pangemanan Panjaitan Pardede Pardi Parman Parmi
Partini Partono Pasaribu Pattiasina Paulus Petrus Philipus Poniyem Prabowo Pramono Pranoto Prasetya Prasetyo Pratama
Priskila Priyanto Pujianto Purnama Purnomo Purwanto Purwati Puspa Puspita Puspitasari Putra Putri Putu Raharjo
Rahayu Rahma Rahmad Rahmah Rahman Rahmanto Rahmat Raka Rangga Rani Rasyid Ratih Ratna Ratnasari Rebeka Rendi Rendy
Reni Retno Reza Ria Rian Rico Ridwan Rifai Rika Rina Rini Rio Ririn Rita Riyadi Riyanto Rizal Rizki Rizky Robertus
Rohimah Rohmah Rondonuwu Rosa Rosidah Rosita Rudi Rudianto Rudy Ruhiyat Rukayah Rukmini Rumbewas Rumbiak Rumondor
Rusdi Ruth Sadewa Saepul Sahetapy Saifudin Saiful Salamah Salim Salman Salsabila Samsudin Samuel Santi Santoso
Saodah Sapto Saputra Saputri Saragih Sarah Sari Sarinah Sarmin Sartini Sartono Sarwono Satria Satrio Sembiring Septi
Setiadi Setiawan Setiono Setyaningsih Setyo Shaleh Shinta Sholihah Sianipar Sigit Sihombing Silalahi Silvia
Simanjuntak Simatupang Simbolon Simon Simorangkir Sinaga Sinta Siregar Siska Siti Sitompul Sitorus Situmorang Slamet
Sofia Soleh Sondakh Sri Sriyono Stefanus Subagyo Subandi Subhan Subroto Sudarmo Sudarsono Sudarto Sufyan Sugeng
Sugianto Sugiarto Sugiharto Suharti Suharto Sukardi Sukarno Sukiman Sukinah Sukirman Sukma Suko Sulaiman Sulastri
Sulistyo Sulistyowati Sumadi Sumampouw Sumanto Sumardi Sumarni Sumarno Sumarsono Sumiati Sunarno Sunarsih Sunarto
Sundari Supardi Suparman Suparmi Suparno Suprapto Supriyadi Supriyati Surono Suroso Surya Suryadi Suryani Suryanto
Susana Susanti Susanto Susi Susilo Susilowati Sutanto Sutarno Sutarto Sutejo Sutinah Sutopo Sutrisno Suwandi Suwarni
Suwarno Suwito Suyanto Syafii Syafri Syafrudin Syahrul Syaiful Syamsul Syarif Tabuni Tambayong Tambunan Tampubolon
Tanoto Tarigan Tarmuji Tasya Tatang Tati Taufik Taufiq Teguh Theresia Thomas Tia Tiara Timotius Tini Titin Tjahjadi
Tjandra Tommy Tono Totok Tri Triana Triyono Tugiman Tuhumury Tukiman Tukinem Tumini Tuti Ubaidillah Ucup Udin Ujang Umar
Umi Usep Usman Uus Vera Veronika Vivi Wagiman Wahid Wahono Wahyu Wahyudi Wahyuni Waluyo Warsini Warsito Wartini Wati
Wawan Wayan Wenas Wenda Wibisono Wibowo Widjaja Widodo Widya Widyawati Wijaya Wijayanto Wina Winarno Winarti Wiwik
Wiyono Wonda Wowor Wulan Wulandari Yahya Yakob Yakobus Yani Yanti Yanto Yati Yatmi Yayat Yayuk Yeni Yikwa Yoel
Yohana Yohanes Yolanda Yonas Yono Yosef Yosua Yudha Yudi Yuli Yuliana Yuliani Yulianti Yulianto Yuliati Yulius Yuni
Yunus Yusril Yusrizal Yustinus Yusuf Yuyun Zaenal Zahra Zainab Zainal Zainuddin Zakaria Zaki Zubaidah Zulfikar
Zulkarnain Zulkifli
""".split())
