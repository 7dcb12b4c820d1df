"""Stage 4, the prevention cycle around the signals: the physician's reviews of hotspots
(reviews); actions, their evaluation and the committee's meetings grow here."""
