-- Ringkasan without any filter: repeat reporters from the mart (built with the snapshot).
select repeat_reporters, repeat_complaints from reporter_repeats
