-- 劝返人次 for the entries already recorded: the persons of the turned-back entries, per hour and per day.
UPDATE checkpoint_stat s SET turned_back_persons = x.n
FROM (SELECT checkpoint_id, date_trunc('hour', recorded_at) AS hour, sum(persons) AS n FROM checkpoint_entry WHERE decision = 'turnBack' GROUP BY 1, 2) x
WHERE s.checkpoint_id = x.checkpoint_id AND s.hour = x.hour;
--> statement-breakpoint
UPDATE checkpoint_stat_day s SET turned_back_persons = x.n
FROM (SELECT checkpoint_id, (recorded_at AT TIME ZONE 'Asia/Shanghai')::date AS day, sum(persons) AS n FROM checkpoint_entry WHERE decision = 'turnBack' GROUP BY 1, 2) x
WHERE s.checkpoint_id = x.checkpoint_id AND s.day = x.day;
