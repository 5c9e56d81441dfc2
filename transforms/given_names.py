"""Common Indonesian given names and family names, as data for `transforms/names.py`.

The name rules tell a name from other words mostly by its not being an Indonesian word, a place or an acronym. Many
common names are all three at once ("Budi", "Dewi", "Agus", "Siti", "Bambang", "Sri"): Sastrawi's root words or
the `areaid` register hold them. After a role, a staff word or an honorific in capitals, where the rules must tell
a name from an office or a sentence, a word of this list counts as a name.

Written from general knowledge of naming across Indonesia's regions and religions, not from complaints, with one
exception: "Arifin" and eight other common names of Arabic origin (Amirudin, Hasanudin, Jamaludin, Nurdin, Saifudin,
Samsudin, Syamsul, Zulkifli) were added after a real complaint's "ARIFIN" was missed, because the stemmer reads it
as "arif", a word. Left out on purpose: names that are also titles, institutions or words complaints often write
with a capital ("Raja", "Ratu", "Hakim", "Hari", "Juli", "Puji", "Jaya", "Utama", "Mandiri", "Permata", "Mega",
"Harapan", "Bulan", "Bintang", "Agung", "Karya", "Citra", "Cahaya", "Damai", "Adil", "Aman", "Bagus", "Mulia",
"Sentosa", "Sakti").
"""

from __future__ import annotations

GIVEN_NAMES = frozenset("""
Abdul Abdullah Achmad Ade Adi Aditya Agus Agustina Agustinus Ahmad Aini Aisyah Alfian Ali Amalia Amin Aminah
Amirudin Ana Andi Andika Andre Andreas Anggi Anggraini Ani Anik Anisa Annisa Anton Antonius Anwar Arief Arif Arifin
Ariyanto Arjuna Asep Asih Astuti Ayu Aziz Bambang Bayu Benny Bima Budi Cahyadi Cahyo Dadang Daniel Darmawan Daud
Dedi Dedy Dewi Diah Dian Dimas Dinda Dodi Dwi Edi Edy Eka Eko Elisabeth Endang Erna Erwin Evi Fajar Fatimah Fauzi
Ferry Fitri Fitria Gede Gilang Gunawan Hadi Halim Hana Handayani Hartono Haryanto Hasan Hasanudin Hendra Hendro Heri
Heru Hidayat Ika Ilham Imam Iman Indah Indra Intan Irawan Irma Iwan Jamaludin Joko Julia Kadek Kartika Ketut Komang
Kurnia Kurniawan Kusuma Lestari Lina Lukas Made Maria Markus Maryam Mawar Melati Muhamad Muhammad Mulyadi Mulyono
Musa Nanda Nia Ningsih Novi Nur Nuraini Nurdin Nurhayati Nurul Nyoman Paulus Petrus Pratama Purnama Purwanto Putra
Putri Putu Rahayu Rahma Rahmah Rahman Rahmat Ratih Ratna Retno Ria Rina Rini Riyadi Rizki Rizky Rudi Rudy Rusdi
Sadewa Saifudin Salim Samsudin Santoso Saputra Saputri Sarah Sari Satria Setiawan Setyo Siti Slamet Sri Stefanus
Sugeng Suharto Sukma Sulaiman Sumarni Supriyadi Surya Suryadi Susanti Susanto Sutrisno Syahrul Syamsul Tati Taufik
Teguh Tri Tuti Umar Usman Wahyu Wahyudi Wati Wawan Wayan Widodo Wijaya Winarno Wulan Yanti Yati Yohanes Yosef Yudi
Yuli Yuliana Yuni Yusuf Zainab Zainal Zulkifli
""".split())
