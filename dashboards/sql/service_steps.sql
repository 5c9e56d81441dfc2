-- Ketepatan waktu, shared CTEs: each complaint of a channel that records step times (response_channels.sql)
-- judged against the standards. $hours: first response; $fwd: working days from receipt to forwarding;
-- $act: working days from forwarding to action; $today: the date 'now' is measured at (WIB).
-- Working days come from the mart's `workdays` ordinals (Monday-Friday minus national holidays; the day of
-- receipt is not counted).
f as ({filtered}),
steps as (
    select *,
           wd_forwarded - wd_received as hk_diteruskan,
           wd_acted - wd_forwarded as hk_ditindaklanjuti,
           (select ordinal from workdays where day = $today::date) - wd_received as hk_sejak_diterima,
           (select ordinal from workdays where day = $today::date) - wd_forwarded as hk_sejak_diteruskan
    from f
    where {response_channels}
),
judged as (
    select *,
           response_minutes <= 60 * $hours as dalam_jam,
           -- null: not counted yet (still within its period)
           case when forwarded or hk_sejak_diterima > $fwd
                then coalesce(hk_diteruskan, $fwd + 1) <= $fwd end as diteruskan_tepat,
           case when forwarded and (acted or hk_sejak_diteruskan > $act)
                then coalesce(hk_ditindaklanjuti, $act + 1) <= $act end as ditindaklanjuti_tepat,
           case when not forwarded and hk_sejak_diterima > $fwd then 'diteruskan'
                when forwarded and not acted and hk_sejak_diteruskan > $act then 'ditindaklanjuti' end as tahap_terlambat,
           case when not forwarded and hk_sejak_diterima > $fwd then hk_sejak_diterima
                when forwarded and not acted and hk_sejak_diteruskan > $act then hk_sejak_diteruskan end as hari_kerja_terlambat
    from steps
)
