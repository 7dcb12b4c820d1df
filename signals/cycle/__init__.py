"""Stage 4, the prevention cycle around the signals: the physician's reviews of hotspots
(reviews), the committee's actions with their history (actions), context events (events),
meetings with the physician's collective advice and "since the last meeting" (meetings),
and whether an action helped (evaluation); roles and shared checks in common."""
