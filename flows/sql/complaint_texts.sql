-- Every stored complaint's title and text, for `awasi reclassify` (read in batches).
select complaint_id, title, text from complaints
