-- Every stored complaint's text, for `awasi reclassify` (read in batches).
select complaint_id, text from complaints
