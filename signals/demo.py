"""The demo organisation: "AZ Demo", a synthetic Belgian hospital (DEMO data).

`build_demo` simulates three years of a hospital of about 800 people, writes the
five kinds of HR export files the way Excel on a Belgian PC writes them (`;`,
decimal comma, DD/MM/YYYY, UTF-8 with BOM or Windows-1252), one file per kind
and quarter, and stores them through the same ingest path as real uploads.

Calibration (whole organisation, over the three years):
- absence: Securex 2024, 8.57 % absence rate and 1.36 episodes per worker-year,
  winter peaks (December to February), a few long spells (> 120 days);
- turnover: Securex 2023, 17.6 % yearly outflow of which 11.0 % voluntary,
  exits replaced by hires within a few months.
Story lines for the warning signals: `DETERIORATING` gets worse over the last
nine months, `RECOVERING` was high until an intervention and is back to normal
for the last twelve months, `TINY` stays below the minimum group size.

Same seed and end month give the same files, so a re-run changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import store
from .definitions import ALL_DEPARTMENTS
from .definitions import LAW_2022 as LAW_2022_DATE
from .definitions import LAW_2026 as LAW_2026_DATE
from .ingest.loader import ingest_bytes

ORGANISATION = "AZ Demo (synthetic demo hospital)"
MONTHS = 36
LEAD_IN_MONTHS = 24          # simulated before the window: long spells and staff in steady state
FIRST_EMPLOYEE_NUMBER = 1

# Securex 2024 (absence) and Securex 2023 (turnover), whole organisation.
EPISODES_PER_WORKER_YEAR = 1.36
YEARLY_OUTFLOW = 0.176
VOLUNTARY_OUTFLOW = 0.110


@dataclass(frozen=True)
class Department:
    name: str
    size: int
    absence_factor: float      # relative episode rate
    exit_factor: float         # relative exit rate
    aggression: float          # aggression incidents per employee-month
    accident_factor: float     # relative work accident rate


DEPARTMENTS = (
    Department("Spoedgevallen", 85, 1.05, 1.15, 0.030, 1.2),
    Department("Intensieve zorg", 70, 1.00, 1.00, 0.006, 1.0),
    Department("Geriatrie", 110, 1.15, 1.00, 0.010, 1.3),
    Department("Materniteit", 55, 0.95, 0.90, 0.001, 0.8),
    Department("Chirurgie", 150, 1.00, 0.95, 0.003, 1.1),
    Department("Psychiatrie", 60, 1.05, 1.05, 0.025, 0.9),
    Department("Logistiek", 45, 1.25, 1.10, 0.001, 1.8),
    Department("Schoonmaak", 65, 1.40, 1.20, 0.001, 1.6),
    Department("Administratie", 80, 0.85, 0.85, 0.002, 0.3),
    Department("Apotheek", 25, 0.80, 0.80, 0.001, 0.5),
    Department("IT", 30, 0.60, 1.10, 0.000, 0.2),
    Department("Diëtetiek", 13, 0.90, 0.90, 0.000, 0.4),
    Department("Ombudsdienst", 6, 0.90, 0.60, 0.004, 0.2),
)
DEPARTMENT_NAMES = tuple(department.name for department in DEPARTMENTS)
DETERIORATING = "Geriatrie"
RECOVERING = "Intensieve zorg"
TINY = "Ombudsdienst"
INTERVENTION_MONTH = MONTHS - 15    # window month of the intervention in RECOVERING
RECOVERED_MONTH = MONTHS - 12       # from here on RECOVERING is back to normal

# Episode rate by calendar month (January first): winter peak, summer dip; mean 1.
SEASON = np.array([1.30, 1.22, 1.08, 0.98, 0.92, 0.88, 0.78, 0.76, 0.94, 1.00, 1.04, 1.10])
SEASON = SEASON / SEASON.mean()

# Spell length in calendar days: (share, shortest, longest); the last class is the long one.
SPELL_CLASSES = ((0.45, 1, 3), (0.33, 4, 14), (0.165, 15, 60), (0.03, 61, 120))
LONG_SPELL_SHARE = 0.034
# Base rates are lowered for the excess that the department factors and story lines
# add; the episode rate is raised for those who can start one (about 9 % are absent already).
STORY_LINE_CORRECTION = 1.09
ALREADY_ABSENT_CORRECTION = 0.91
LONG_SPELL_MEAN_EXTRA_DAYS = 180

ABSENCE_TYPES = ("illness", "work_accident", "occupational_disease", "other")
ABSENCE_TYPE_WEIGHTS = (0.93, 0.035, 0.005, 0.03)
OTHER_EXIT_REASONS = ("involuntary", "retirement", "end_of_contract", "other")
OTHER_EXIT_WEIGHTS = (0.30, 0.28, 0.32, 0.10)
FTE_CHOICES = (1.0, 0.8, 0.75, 0.5)
FTE_WEIGHTS = (0.55, 0.20, 0.15, 0.10)
HOURS_PER_FTE_MONTH = 140.0

# Incidents per employee-month (aggression comes per department).
INCIDENT_RATES = {
    "work_accident": 0.0035,
    "commuting_accident": 0.0012,
    "near_miss": 0.0040,
    "psychosocial_informal": 0.0015,
    "psychosocial_formal": 0.0002,
    "harassment": 0.0002,
    # a serious event (such as a suicide attempt; about 0.2% of adults a year): a few
    "serious_event": 0.0002,
    "other": 0.0005,
}
# Re-integration follows the law of each date (CONTRACT 1a, README "Re-integration"): the
# mutuality's advisory physician starts trajectories and "no work" decisions exist only
# before 2022-10-01; preventive requests and pre-return visits asked by the employer only
# from 2026-01-01.
INITIATORS = ("worker", "treating_physician", "employer", "advisory_physician")
INITIATOR_WEIGHTS = {False: (0.35, 0.10, 0.30, 0.25), True: (0.40, 0.12, 0.48, 0.0)}  # since 2022-10
DECISIONS = {   # by decision_date: before 2022-10-01 and since
    False: (("temporary_adapted_work", "temporary_no_work", "definitive_adapted_work",
             "definitive_no_work", "not_assessable"), (0.30, 0.10, 0.20, 0.30, 0.10)),
    True: (("temporary_adapted_work", "definitive_adapted_work", "not_assessable"),
           (0.40, 0.35, 0.25)),
}
OUTCOMES_AFTER = {   # a decision's outcomes and their weights
    "temporary_adapted_work": (("returned_adapted_work", "returned_same_work", "stopped"),
                               (0.55, 0.25, 0.20)),
    "temporary_no_work": (("returned_same_work", "stopped", "ended_other"), (0.50, 0.30, 0.20)),
    "definitive_adapted_work": (("returned_other_work", "returned_adapted_work",
                                 "ended_medical_force_majeure", "ended_other"),
                                (0.35, 0.25, 0.30, 0.10)),
    "definitive_no_work": (("ended_medical_force_majeure", "ended_other"), (0.80, 0.20)),
    "not_assessable": (("returned_same_work", "stopped", "ended_medical_force_majeure"),
                       (0.40, 0.30, 0.30)),
}
REINTEGRATION_SHARE_OF_LONG_SPELLS = 0.45
PRE_RETURN_SHARE_OF_SPELLS = 0.12          # of spells longer than 4 weeks
PRE_RETURN_EMPLOYER_SHARE = 0.40           # from 2026-01-01
PREVENTIVE_PER_EMPLOYEE_MONTH = 0.0008     # from 2026-01-01
LAW_2022, LAW_2026 = pd.Timestamp(LAW_2022_DATE), pd.Timestamp(LAW_2026_DATE)

# Monthly observations (aggregate counts, never a person): measure -> (source, departments,
# monthly rate per person of the base, share of H seen when the base is given, else None).
OBSERVATION_PLAN = {
    "back_complaints": ("occupational_physician",
                        ("Logistiek", "Schoonmaak", "Geriatrie", "Chirurgie", "Spoedgevallen"),
                        0.012, None),
    "presenteeism": ("occupational_physician",
                     ("Geriatrie", "Chirurgie", "Spoedgevallen", "Intensieve zorg", "Psychiatrie",
                      "Materniteit"), 0.08, 0.25),
    "psychological_complaints": ("psychosocial_adviser", DEPARTMENT_NAMES, 0.004, None),
}
# Two waves of a psychosocial risk-analysis questionnaire (FOD WASO domains): window month,
# day, and the mean score (0-100, higher = more risk) of each domain in a usual department.
SURVEY_WAVES = ((8, 14), (32, 10))
SURVEY_DOMAIN_MEANS = {
    "work_organisation": 46.0, "work_content": 38.0, "employment_conditions": 41.0,
    "working_conditions": 44.0, "interpersonal_relations": 33.0, "exhaustion": 40.0,
}
SURVEY_RESPONSE_RATE = 0.62
SURVEY_WORSE_BY = {0: 6.0, 1: 15.0}       # DETERIORATING's extra score per wave

# How each kind is written: Excel on a Belgian PC, with the encoding varied per kind.
FILE_ENCODINGS = {
    "workforce": "utf-8-sig",
    "absences": "cp1252",
    "turnover": "utf-8-sig",
    "incidents": "cp1252",
    "reintegration": "utf-8",
    "observations": "utf-8-sig",
    "survey": "cp1252",
}
# Header spelling as HR would type it (matched case-insensitively by ingest).
HEADERS = {
    "workforce": ["Month", "Department", "Headcount", "FTE", "Hours_worked"],
    "absences": ["employee_id", "department", "start_date", "end_date", "absence_type"],
    "turnover": ["Employee_ID", "Department", "Date", "Event", "Reason"],
    "incidents": ["incident_id", "date", "department", "category", "days_lost"],
    "reintegration": ["request_id", "employee_id", "department", "request_date", "request_type",
                      "initiator", "decision", "decision_date", "outcome", "outcome_date"],
    "observations": ["maand", "afdeling", "maatstaf", "aantal", "basis", "bron"],
    "survey": ["date", "department", "domain", "respondents", "score", "score_sd"],
}
KIND_ORDER = ("workforce", "absences", "turnover", "incidents", "reintegration", "observations",
              "survey")


@dataclass
class DemoOrganisation:
    """The simulated records, one frame per kind, in contract columns."""
    months: np.ndarray                     # datetime64[M], the 36 reported months
    workforce: pd.DataFrame
    absences: pd.DataFrame
    turnover: pd.DataFrame
    incidents: pd.DataFrame
    reintegration: pd.DataFrame
    observations: pd.DataFrame
    survey: pd.DataFrame

    def frame(self, kind: str) -> pd.DataFrame:
        return getattr(self, kind)


@dataclass(frozen=True)
class DemoFile:
    kind: str
    file_name: str
    data: bytes


# --- calendar -------------------------------------------------------------------------

def report_months(end_month: dt.date | None = None) -> np.ndarray:
    """The 36 months ending at the last full month before `end_month` (default: today)."""
    end_month = end_month or dt.date.today()
    last = np.datetime64(f"{end_month.year:04d}-{end_month.month:02d}", "M") - 1
    return np.arange(last - (MONTHS - 1), last + 1)


def _month_start(month: np.datetime64) -> np.datetime64:
    return month.astype("datetime64[D]")


def _month_end(month: np.datetime64) -> np.datetime64:
    return (month + 1).astype("datetime64[D]") - 1


def _days_in_month(month: np.datetime64) -> int:
    return int((_month_end(month) - _month_start(month)).astype(int)) + 1


def _trend(department: str, window_index: int) -> float:
    """How much worse than usual a department is in a month (0 = first reported month)."""
    if department == DETERIORATING and window_index > MONTHS - 10:
        return 1.0 + 2.0 * (window_index - (MONTHS - 10)) / 9
    if department == RECOVERING:
        if window_index < INTERVENTION_MONTH:
            return 1.8
        if window_index < RECOVERED_MONTH:
            return 1.8 - 0.8 * (window_index - INTERVENTION_MONTH + 1) / 3
    return 1.0


def _return_after_intervention(rng: np.random.Generator, department: np.ndarray, start: np.ndarray,
                               end: np.ndarray, window_start: np.datetime64) -> np.ndarray:
    """The intervention brings the recovering department's long-term absentees back in time.

    Spells that began before it and would run into the recovered year end at a random
    day between the intervention and the start of that year.
    """
    intervention = _month_start(window_start + INTERVENTION_MONTH)
    recovered = _month_start(window_start + RECOVERED_MONTH)
    affected = ((department == DEPARTMENT_NAMES.index(RECOVERING))
                & (start < intervention) & (end >= recovered))
    back_at_work = intervention + rng.integers(0, int((recovered - intervention).astype(int)), len(end))
    return np.where(affected, np.maximum(back_at_work, start), end)


# --- staff ----------------------------------------------------------------------------

@dataclass
class _Staff:
    department: np.ndarray     # index into DEPARTMENTS
    hire: np.ndarray           # datetime64[D]; NaT for people employed before the simulation
    exit: np.ndarray           # datetime64[D]; NaT while employed
    reason: np.ndarray         # exit reason, '' while employed
    fte: np.ndarray

    def add(self, department: np.ndarray, hire: np.ndarray, fte: np.ndarray) -> None:
        size = len(department)
        self.department = np.concatenate([self.department, department])
        self.hire = np.concatenate([self.hire, hire])
        self.exit = np.concatenate([self.exit, np.full(size, np.datetime64("NaT"), "datetime64[D]")])
        self.reason = np.concatenate([self.reason, np.full(size, "", dtype=object)])
        self.fte = np.concatenate([self.fte, fte])

    def employed_on(self, day: np.datetime64) -> np.ndarray:
        hired = np.isnat(self.hire) | (self.hire <= day)
        still_there = np.isnat(self.exit) | (self.exit > day)
        return hired & still_there


def _draw_fte(rng: np.random.Generator, size: int) -> np.ndarray:
    return rng.choice(np.array(FTE_CHOICES), size=size, p=np.array(FTE_WEIGHTS))


def _days_within(rng: np.random.Generator, month: np.datetime64, size: int) -> np.ndarray:
    """Random working days in a month (weekend draws roll to Monday, capped at month end)."""
    days = _month_start(month) + rng.integers(0, _days_in_month(month), size)
    return np.minimum(np.busday_offset(days, 0, roll="forward"), _month_end(month))


def _simulate_staff(rng: np.random.Generator, months: np.ndarray) -> _Staff:
    """Exits month by month, each department hiring back towards its size."""
    sizes = np.array([department.size for department in DEPARTMENTS])
    initial = np.repeat(np.arange(len(DEPARTMENTS)), sizes)
    staff = _Staff(
        department=initial,
        hire=np.full(len(initial), np.datetime64("NaT"), "datetime64[D]"),
        exit=np.full(len(initial), np.datetime64("NaT"), "datetime64[D]"),
        reason=np.full(len(initial), "", dtype=object),
        fte=_draw_fte(rng, len(initial)),
    )
    exit_factors = np.array([department.exit_factor for department in DEPARTMENTS])
    voluntary_share = VOLUNTARY_OUTFLOW / YEARLY_OUTFLOW
    for index, month in enumerate(months):
        window_index = index - LEAD_IN_MONTHS
        trends = np.array([_trend(name, window_index) for name in DEPARTMENT_NAMES])
        start = _month_start(month)
        present = staff.employed_on(start) & (np.isnat(staff.hire) | (staff.hire < start))
        monthly_rate = YEARLY_OUTFLOW / 12 / STORY_LINE_CORRECTION
        probability = monthly_rate * exit_factors[staff.department] * trends[staff.department]
        leaving = present & (rng.random(len(present)) < probability)
        leavers = np.flatnonzero(leaving)
        staff.exit[leavers] = _days_within(rng, month, len(leavers))
        # Extra exits in a worsening department are resignations.
        voluntary = rng.random(len(leavers)) < 1 - (1 - voluntary_share) / trends[staff.department[leavers]]
        others = rng.choice(np.array(OTHER_EXIT_REASONS), size=len(leavers),
                            p=np.array(OTHER_EXIT_WEIGHTS))
        staff.reason[leavers] = np.where(voluntary, "voluntary", others)
        _hire_back(rng, staff, month, sizes, trends)
    return staff


def _hire_back(rng, staff: _Staff, month: np.datetime64, sizes: np.ndarray,
               trends: np.ndarray) -> None:
    """Fill about half the gap to each department's size (less where it is going badly)."""
    employed = staff.employed_on(_month_end(month))
    headcount = np.bincount(staff.department[employed], minlength=len(DEPARTMENTS))
    gap = np.maximum(sizes - headcount, 0)
    hires = rng.binomial(gap, 0.5 / trends)
    department = np.repeat(np.arange(len(DEPARTMENTS)), hires)
    staff.add(department, _days_within(rng, month, len(department)), _draw_fte(rng, len(department)))


# --- absences -------------------------------------------------------------------------

def _spell_lengths(rng: np.random.Generator, long_share: np.ndarray) -> np.ndarray:
    """Calendar days per spell, from the length classes; `long_share` per spell."""
    size = len(long_share)
    shares = np.array([share for share, _, _ in SPELL_CLASSES])
    draw = rng.random(size)
    # Scale the ordinary classes so each spell's shares add up to 1 with its long share.
    bounds = np.cumsum(shares / shares.sum())[None, :] * (1 - long_share)[:, None]
    chosen = (draw[:, None] >= bounds).sum(axis=1)
    lows = np.array([low for _, low, _ in SPELL_CLASSES] + [121])
    highs = np.array([high for _, _, high in SPELL_CLASSES] + [121])
    lengths = rng.integers(lows[chosen], highs[chosen] + 1)
    is_long = chosen == len(SPELL_CLASSES)
    extra = rng.exponential(LONG_SPELL_MEAN_EXTRA_DAYS, size).astype(int)
    return np.where(is_long, lengths + extra, lengths)


def _simulate_absences(rng: np.random.Generator, months: np.ndarray, staff: _Staff) -> pd.DataFrame:
    """At most one new spell per employee and month, for those not absent already."""
    absence_factors = np.array([department.absence_factor for department in DEPARTMENTS])
    base_rate = EPISODES_PER_WORKER_YEAR / 12 / ALREADY_ABSENT_CORRECTION / STORY_LINE_CORRECTION
    busy_until = np.full(len(staff.department), np.datetime64("1990-01-01"), "datetime64[D]")
    spells = []
    for index, month in enumerate(months):
        window_index = index - LEAD_IN_MONTHS
        trends = np.array([_trend(name, window_index) for name in DEPARTMENT_NAMES])
        start_of_month = _month_start(month)
        eligible = staff.employed_on(start_of_month) & (busy_until < start_of_month)
        probability = (base_rate * SEASON[month.astype(int) % 12]
                       * absence_factors[staff.department] * trends[staff.department])
        who = np.flatnonzero(eligible & (rng.random(len(eligible)) < probability))
        start = _days_within(rng, month, len(who))
        lengths = _spell_lengths(rng, LONG_SPELL_SHARE * trends[staff.department[who]])
        end = start + lengths - 1
        end = _return_after_intervention(rng, staff.department[who], start, end, months[LEAD_IN_MONTHS])
        # Nobody is absent beyond their last day of employment.
        exits = staff.exit[who]
        end = np.where(~np.isnat(exits) & (exits < end), exits, end)
        keep = np.isnat(exits) | (start <= exits)
        who, start, end = who[keep], start[keep], end[keep]
        busy_until[who] = end + 1
        spells.append(pd.DataFrame({"employee": who, "start_date": start, "end_date": end}))
    absences = pd.concat(spells, ignore_index=True)
    absences["department"] = np.array(DEPARTMENT_NAMES)[staff.department[absences["employee"]]]
    absences["absence_type"] = rng.choice(
        np.array(ABSENCE_TYPES), size=len(absences), p=np.array(ABSENCE_TYPE_WEIGHTS))
    return _split_certificates(rng, absences)


def _split_certificates(rng: np.random.Generator, absences: pd.DataFrame) -> pd.DataFrame:
    """Now and then a spell comes as two certificates: back to back, or overlapping."""
    length = (absences["end_date"] - absences["start_date"]).dt.days + 1
    split = (length > 10) & (rng.random(len(absences)) < 0.15)
    first = absences[split].copy()
    cut = (length[split] * rng.uniform(0.3, 0.7, split.sum())).astype(int)
    overlap = np.where(rng.random(split.sum()) < 0.3, 2, 0)
    second = first.copy()
    first["end_date"] = first["start_date"] + pd.to_timedelta(cut, unit="D")
    second["start_date"] = first["end_date"] + pd.to_timedelta(1 - overlap, unit="D")
    return pd.concat([absences[~split], first, second], ignore_index=True)


# --- incidents and re-integration -----------------------------------------------------

def _simulate_incidents(rng: np.random.Generator, workforce: pd.DataFrame,
                        months: np.ndarray) -> pd.DataFrame:
    """Poisson counts per department, month and category, scaled by headcount."""
    departments = {department.name: department for department in DEPARTMENTS}
    frames = []
    for window_index, month in enumerate(months):
        rows = workforce[workforce["month"] == _month_start(month)]
        for name, headcount in zip(rows["department"], rows["headcount"]):
            trend = _trend(name, window_index)
            rates = dict(INCIDENT_RATES, aggression=departments[name].aggression)
            rates["work_accident"] *= departments[name].accident_factor
            for category in ("psychosocial_informal", "psychosocial_formal", "harassment"):
                rates[category] *= trend ** 2
            counts = rng.poisson(np.array(list(rates.values())) * headcount)
            categories = np.repeat(np.array(list(rates)), counts)
            frames.append(pd.DataFrame({
                "date": _days_within(rng, month, len(categories)),
                "department": name,
                "category": categories,
            }))
    incidents = pd.concat(frames, ignore_index=True).sort_values(["date", "department", "category"],
                                                                 kind="stable")
    incidents["days_lost"] = _days_lost(rng, incidents["category"].to_numpy())
    month_text = incidents["date"].dt.strftime("%Y%m")
    sequence = incidents.groupby(month_text).cumcount() + 1
    incidents["incident_id"] = "INC-" + month_text + "-" + sequence.map("{:03d}".format)
    return incidents.reset_index(drop=True)


def _days_lost(rng: np.random.Generator, categories: np.ndarray) -> np.ndarray:
    """Accidents: 40 % without lost days, else a skewed number of days."""
    accident = np.isin(categories, ("work_accident", "commuting_accident"))
    with_days = accident & (rng.random(len(categories)) >= 0.4)
    days = np.ceil(rng.lognormal(np.log(7), 1.0, len(categories))).astype(int)
    return np.where(with_days, days, 0)


def _trajectories(rng: np.random.Generator, absences: pd.DataFrame,
                  employee_ids: np.ndarray) -> pd.DataFrame:
    """Trajectory requests during some long spells, two to six months in."""
    length = (absences["end_date"] - absences["start_date"]).dt.days + 1
    candidates = absences[(length > 120) & (rng.random(len(absences)) < REINTEGRATION_SHARE_OF_LONG_SPELLS)]
    latest = np.minimum(180, length[candidates.index].to_numpy())
    offset = pd.to_timedelta(rng.integers(60, latest), unit="D")
    requests = pd.DataFrame({
        "employee_id": employee_ids[candidates["employee"].to_numpy()],
        "department": candidates["department"].to_numpy(),
        "request_date": (candidates["start_date"] + offset).dt.floor("D").to_numpy(),
        "request_type": "trajectory",
    })
    since_2022 = (requests["request_date"] >= LAW_2022).to_numpy()
    requests["initiator"] = _by_period(rng, since_2022, {
        period: (INITIATORS, weights) for period, weights in INITIATOR_WEIGHTS.items()})
    # The occupational physician decides within about 49 working days (since 2022).
    requests["decision_date"] = requests["request_date"] + pd.to_timedelta(
        rng.integers(15, 70, len(requests)), unit="D")
    requests["decision"] = _by_period(
        rng, (requests["decision_date"] >= LAW_2022).to_numpy(), DECISIONS)
    outcomes = np.empty(len(requests), dtype=object)
    for decision, choices in OUTCOMES_AFTER.items():
        rows = np.flatnonzero(requests["decision"].to_numpy() == decision)
        outcomes[rows] = rng.choice(np.array(choices[0]), size=len(rows), p=np.array(choices[1]))
    requests["outcome"] = outcomes
    requests["outcome_date"] = requests["decision_date"] + pd.to_timedelta(
        rng.integers(15, 120, len(requests)), unit="D")
    return requests


def _by_period(rng: np.random.Generator, since: np.ndarray, choices: dict) -> np.ndarray:
    """A code per row from (codes, weights) of its period: choices[False] before, [True] since."""
    drawn = np.empty(len(since), dtype=object)
    for period, (codes, weights) in choices.items():
        rows = np.flatnonzero(since == period)
        drawn[rows] = rng.choice(np.array(codes), size=len(rows), p=np.array(weights))
    return drawn


def _pre_return_visits(rng: np.random.Generator, absences: pd.DataFrame,
                       employee_ids: np.ndarray) -> pd.DataFrame:
    """Some workers absent for more than four weeks ask for a visit one to three weeks before
    they return; from 2026 the employer may ask too."""
    length = (absences["end_date"] - absences["start_date"]).dt.days + 1
    spells = absences[(length > 28) & (rng.random(len(absences)) < PRE_RETURN_SHARE_OF_SPELLS)]
    before = pd.to_timedelta(rng.integers(7, 22, len(spells)), unit="D")
    request_date = np.maximum(spells["end_date"] - before, spells["start_date"])
    visits = pd.DataFrame({
        "employee_id": employee_ids[spells["employee"].to_numpy()],
        "department": spells["department"].to_numpy(),
        "request_date": request_date.to_numpy(),
        "request_type": "pre_return_visit",
        "decision": "pending",
        "decision_date": pd.NaT,
        "outcome": rng.choice(np.array(["returned_same_work", "returned_adapted_work"]),
                              size=len(spells), p=np.array([0.7, 0.3])),
        "outcome_date": (spells["end_date"] + pd.Timedelta(days=1)).to_numpy(),
    })
    employer = ((visits["request_date"] >= LAW_2026).to_numpy()
                & (rng.random(len(visits)) < PRE_RETURN_EMPLOYER_SHARE))
    visits["initiator"] = np.where(employer, "employer", "worker")
    return visits


def _preventive_requests(rng: np.random.Generator, staff: _Staff, months: np.ndarray,
                         employee_ids: np.ndarray) -> pd.DataFrame:
    """From 2026: a worker at risk asks for adapted work before falling ill."""
    frames = []
    for month in months[pd.to_datetime(months) >= LAW_2026]:
        employed = np.flatnonzero(staff.employed_on(_month_start(month)))
        who = employed[rng.random(len(employed)) < PREVENTIVE_PER_EMPLOYEE_MONTH]
        frames.append(pd.DataFrame({
            "employee_id": employee_ids[who],
            "department": np.array(DEPARTMENT_NAMES)[staff.department[who]],
            "request_date": pd.to_datetime(_days_within(rng, month, len(who))),
            "request_type": "preventive", "initiator": "worker", "decision": "pending",
            "decision_date": pd.NaT, "outcome": None, "outcome_date": pd.NaT,
        }))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _simulate_reintegration(rng: np.random.Generator, absences: pd.DataFrame, staff: _Staff,
                            months: np.ndarray, employee_ids: np.ndarray,
                            first_day: np.datetime64, last_day: np.datetime64) -> pd.DataFrame:
    """Trajectories, pre-return visits and (from 2026) preventive requests in the window;
    decisions and outcomes only where their date has come."""
    requests = pd.concat([_trajectories(rng, absences, employee_ids),
                          _pre_return_visits(rng, absences, employee_ids),
                          _preventive_requests(rng, staff, months, employee_ids)],
                         ignore_index=True)
    last = pd.Timestamp(last_day)
    requests = requests[(requests["request_date"] >= pd.Timestamp(first_day))
                        & (requests["request_date"] <= last)]
    decided = requests["decision_date"] <= last
    requests["decision"] = requests["decision"].where(decided, "pending")
    requests["decision_date"] = requests["decision_date"].where(decided)
    ended = requests["outcome_date"] <= last
    requests["outcome"] = requests["outcome"].where(ended)
    requests["outcome_date"] = requests["outcome_date"].where(ended)
    requests = requests.sort_values(["request_date", "employee_id", "request_type"],
                                    kind="stable").reset_index(drop=True)
    requests.insert(0, "request_id", [f"RI-{number:05d}" for number in range(1, len(requests) + 1)])
    return requests[["request_id", "employee_id", "department", "request_date", "request_type",
                     "initiator", "decision", "decision_date", "outcome", "outcome_date"]]


def _simulate_observations(rng: np.random.Generator, workforce: pd.DataFrame,
                           months: np.ndarray) -> pd.DataFrame:
    """Monthly counts per department and measure; DETERIORATING worsens like its absences."""
    frames = []
    for window_index, month in enumerate(months):
        rows = workforce[workforce["month"] == _month_start(month)]
        for measure, (source, departments, rate, seen_share) in OBSERVATION_PLAN.items():
            chosen = rows[rows["department"].isin(departments)]
            headcount = chosen["headcount"].to_numpy()
            trend = np.array([_trend(name, window_index) for name in chosen["department"]])
            base = (rng.binomial(headcount, seen_share) if seen_share else None)
            people = headcount if base is None else base
            count = np.minimum(rng.poisson(rate * people * trend), people)
            frames.append(pd.DataFrame({
                "month": _month_start(month), "department": chosen["department"].to_numpy(),
                "measure": measure, "count": count,
                "base": "" if base is None else np.maximum(base, 1).astype(str),
                "source": source,
            }))
    return pd.concat(frames, ignore_index=True)


def _simulate_survey(rng: np.random.Generator, workforce: pd.DataFrame,
                     months: np.ndarray) -> pd.DataFrame:
    """Two questionnaire waves: respondents, mean score and its spread per domain."""
    frames = []
    for wave, (window_index, day) in enumerate(SURVEY_WAVES):
        window_index = min(window_index, len(months) - 1)
        rows = workforce[workforce["month"] == _month_start(months[window_index])]
        respondents = rng.binomial(rows["headcount"].to_numpy(), SURVEY_RESPONSE_RATE)
        worse = np.where(rows["department"].to_numpy() == DETERIORATING, SURVEY_WORSE_BY[wave], 0.0)
        for domain, mean in SURVEY_DOMAIN_MEANS.items():
            scores = mean + worse + rng.normal(0.0, 3.0, len(rows)) / np.sqrt(np.maximum(respondents, 1) / 20)
            frames.append(pd.DataFrame({
                "date": pd.Timestamp(_month_start(months[window_index])) + pd.Timedelta(days=day - 1),
                "department": rows["department"].to_numpy(), "domain": domain,
                "respondents": respondents, "score": np.clip(scores, 0, 100).round(1),
                "score_sd": rng.normal(15.0, 2.0, len(rows)).clip(5, 30).round(1),
            }))
    return pd.concat(frames, ignore_index=True)


# --- the organisation -----------------------------------------------------------------

def generate_demo(seed: int = 2024, end_month: dt.date | None = None) -> DemoOrganisation:
    """Simulate the demo hospital: the same seed and end month give the same records."""
    rng = np.random.default_rng(seed)
    # the second version's records come from their own stream: the first version's stay as they were
    extra_rng = np.random.default_rng([seed, 2])
    months = report_months(end_month)
    simulated = np.arange(months[0] - LEAD_IN_MONTHS, months[-1] + 1)
    first_day, last_day = _month_start(months[0]), _month_end(months[-1])

    staff = _simulate_staff(rng, simulated)
    employee_ids = np.array([f"E{number:05d}" for number in
                             range(FIRST_EMPLOYEE_NUMBER, FIRST_EMPLOYEE_NUMBER + len(staff.department))])
    workforce = _workforce(rng, staff, months)
    spells = _simulate_absences(rng, simulated, staff)
    # a generator of its own: the other kinds stay as they were when re-integration changes
    reintegration = _simulate_reintegration(np.random.default_rng([seed, 14]), spells, staff,
                                            months, employee_ids, first_day, last_day)

    # Report what overlaps the window; a spell running past it is still open.
    spells = spells[(spells["start_date"] <= pd.Timestamp(last_day))
                    & (spells["end_date"] >= pd.Timestamp(first_day))].copy()
    spells["end_date"] = spells["end_date"].where(spells["end_date"] <= pd.Timestamp(last_day))
    spells["employee_id"] = employee_ids[spells["employee"].to_numpy()]
    absences = spells.sort_values(["start_date", "employee_id"], kind="stable")[
        ["employee_id", "department", "start_date", "end_date", "absence_type"]].reset_index(drop=True)

    return DemoOrganisation(
        months=months,
        workforce=workforce,
        absences=absences,
        turnover=_turnover(staff, employee_ids, first_day, last_day),
        incidents=_simulate_incidents(rng, workforce, months)[
            ["incident_id", "date", "department", "category", "days_lost"]],
        reintegration=reintegration,
        observations=_simulate_observations(extra_rng, workforce, months),
        survey=_simulate_survey(extra_rng, workforce, months),
    )


def _workforce(rng: np.random.Generator, staff: _Staff, months: np.ndarray) -> pd.DataFrame:
    """Headcount and FTE on the last day of each month; hours worked about FTE x 140."""
    frames = []
    for month in months:
        employed = staff.employed_on(_month_end(month))
        counts = np.bincount(staff.department[employed], minlength=len(DEPARTMENTS))
        fte = np.bincount(staff.department[employed], weights=staff.fte[employed],
                          minlength=len(DEPARTMENTS))
        holiday_factor = {7: 0.85, 8: 0.85, 12: 0.92}.get(month.astype(int) % 12 + 1, 1.0)
        hours = fte * HOURS_PER_FTE_MONTH * holiday_factor * rng.normal(1.0, 0.02, len(DEPARTMENTS))
        frames.append(pd.DataFrame({
            "month": _month_start(month),
            "department": DEPARTMENT_NAMES,
            "headcount": counts,
            "fte": fte.round(2),
            "hours_worked": hours.round(1),
        }))
    return pd.concat(frames, ignore_index=True)


def _turnover(staff: _Staff, employee_ids: np.ndarray, first_day: np.datetime64,
              last_day: np.datetime64) -> pd.DataFrame:
    """Hire and exit events inside the reported window."""
    names = np.array(DEPARTMENT_NAMES)[staff.department]
    hires = pd.DataFrame({"employee_id": employee_ids, "department": names, "date": staff.hire,
                          "event": "hire", "reason": None})
    exits = pd.DataFrame({"employee_id": employee_ids, "department": names, "date": staff.exit,
                          "event": "exit", "reason": staff.reason})
    events = pd.concat([hires, exits], ignore_index=True).dropna(subset=["date"])
    events = events[(events["date"] >= pd.Timestamp(first_day)) & (events["date"] <= pd.Timestamp(last_day))]
    return events.sort_values(["date", "event", "employee_id"], kind="stable").reset_index(drop=True)


# --- files ----------------------------------------------------------------------------

def _export_period(kind: str, frame: pd.DataFrame, first_month: pd.Timestamp) -> pd.Series:
    """The quarterly export a record arrives in, e.g. '2025-Q3' (ongoing spells come with the first)."""
    column = {"workforce": "month", "absences": "start_date", "turnover": "date",
              "incidents": "date", "reintegration": "request_date", "observations": "month",
              "survey": "date"}[kind]
    dates = frame[column].clip(lower=first_month)
    return dates.dt.year.astype(str) + "-Q" + dates.dt.quarter.astype(str)


def _decimal_comma(number: float) -> str:
    """12.50 -> '12,5', 80.0 -> '80' (at most two decimals)."""
    return f"{number:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _excel_text(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as DD/MM/YYYY, months as YYYY-MM, decimals with a comma, empty for missing."""
    text = frame.copy()
    for column in text.columns:
        values = text[column]
        if column == "month":
            text[column] = values.dt.strftime("%Y-%m")
        elif pd.api.types.is_datetime64_any_dtype(values):
            text[column] = values.dt.strftime("%d/%m/%Y").fillna("")
        elif pd.api.types.is_float_dtype(values):
            text[column] = values.map(_decimal_comma)
        else:
            text[column] = values.fillna("").astype(str)
    text.columns = HEADERS[kind]
    return text


def demo_files(organisation: DemoOrganisation) -> list[DemoFile]:
    """One file per kind and quarter with records, in the Belgian Excel dialect.

    Quarterly rather than monthly exports: each file costs a full ingest (about
    0.1 s), and 60 files keep the demo build well under 20 seconds.
    """
    first_month = pd.Timestamp(_month_start(organisation.months[0]))
    files = []
    for kind in KIND_ORDER:
        frame = organisation.frame(kind)
        text = _excel_text(kind, frame)
        for period, rows in text.groupby(_export_period(kind, frame, first_month).to_numpy(), sort=True):
            csv_text = rows.to_csv(sep=";", index=False, lineterminator="\r\n")
            data = csv_text.encode(FILE_ENCODINGS[kind])
            files.append(DemoFile(kind, f"azdemo_{kind}_{period}.csv", data))
    return files


# --- storing --------------------------------------------------------------------------

def _prepare_database(db_path: Path | str, signature: str) -> None:
    """Refuse real data; mark the database as demo; drop a demo built from another seed."""
    with store.connect(db_path) as con:
        if store.has_data(con) and not store.is_demo(con):
            raise ValueError(
                f"The database {Path(db_path).name} holds real data; the demo organisation is only "
                "built into an empty or demo database. Use another --db path."
            )
        store.set_meta(con, "dataset", "demo")
        store.set_meta(con, "organisation", ORGANISATION)
        if store.get_meta(con, "demo_signature") != signature:
            for table in store.DATA_TABLES:
                con.execute(f"DELETE FROM {table}")
            store.set_meta(con, "demo_signature", signature)


def build_demo(db_path: Path | str, *, seed: int = 2024, end_month: dt.date | None = None) -> str:
    """Fill `db_path` with the demo hospital through the ingest path; return a summary."""
    organisation = generate_demo(seed, end_month)
    months = organisation.months
    _prepare_database(db_path, f"seed={seed};months={months[0]}..{months[-1]}")
    totals = {kind: {"files": 0, "rows": 0, "new": 0, "replaced": 0, "unchanged": 0} for kind in KIND_ORDER}
    for demo_file in demo_files(organisation):
        result = ingest_bytes(db_path, demo_file.kind, demo_file.file_name, demo_file.data,
                              uploaded_by="demo", allow_demo=True)
        if not result.accepted:
            raise RuntimeError(f"Demo file {demo_file.file_name} was rejected:\n{result.error_report()}")
        total = totals[demo_file.kind]
        total["files"] += 1
        total["new"] += result.rows_new
        total["replaced"] += result.rows_replaced
        total["unchanged"] += result.rows_unchanged
    for kind in KIND_ORDER:
        totals[kind]["rows"] = len(organisation.frame(kind))
    add_demo_cycle(db_path, months)
    return _summary(months, totals)


# --- the prevention cycle -------------------------------------------------------------------

DEMO_ACTOR = "demo"
CYCLE_TABLES = ("meeting_advice", "meetings", "context_events", "action_history", "actions")


def _day(month: np.datetime64, day: int = 1) -> dt.date:
    return (_month_start(month) + (day - 1)).astype(dt.date)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def add_demo_cycle(db_path: Path | str, months: np.ndarray) -> None:
    """The demo's prevention cycle, in the demo's own access store: an action evaluated on
    the recovering department (its evaluation has a verdict), one running for the
    deteriorating department's latest signal, one overdue, three context events and two
    meetings with the physician's collective advice. Kept while the months are the same;
    a demo store with users (built into a database that has them) gets none."""
    from .access import control as access
    from .cycle import actions, events, meetings

    first_start = _day(months[INTERVENTION_MONTH]).isoformat()
    with access.open_store(db_path) as con, access.transaction(con):
        if con.execute("SELECT count(*) FROM users").fetchone()[0]:
            return
        if con.execute("SELECT 1 FROM actions WHERE created_by = ? AND start_date = ?",
                       [DEMO_ACTOR, first_start]).fetchone():
            return          # built for these months already
        for table in CYCLE_TABLES:
            con.execute(f"DELETE FROM {table}")
    last = len(months) - 1

    def action(title, departments, indicators, level, start, statuses, **options):
        start_day = _day(months[start])
        action_id = actions.create_action(db_path, DEMO_ACTOR, title, departments, indicators, level,
                                          start_day, now=_at(start_day - dt.timedelta(days=20)),
                                          **options)
        for status, day, reason in statuses:
            actions.change_status(db_path, DEMO_ACTOR, action_id, status, reason, now=_at(day))

    action("Werkdrukoverleg en vaste invalpool", [RECOVERING], ["absence_rate"], "secondary",
           INTERVENTION_MONTH,
           [("running", _day(months[INTERVENTION_MONTH]), "Gestart na het comité"),
            ("evaluated", _day(months[last - 3], 20), "Besproken op het comité")])
    signal_month = str(months[last])
    action("Teamgesprekken en herverdeling van de nachtdiensten", [DETERIORATING],
           ["absence_rate", "turnover_rate"], "primary", last,
           [("running", _day(months[last], 2), "Akkoord van het comité")],
           signal=(signal_month, DETERIORATING, "absence_rate"))
    action("Ergonomische opleiding en nieuwe poetskarren", ["Schoonmaak"],
           ["accident_frequency_rate", "absence_rate"], "primary", last - 14,
           [("running", _day(months[last - 14], 3), "")])
    for month, day, department, kind, title in (
            (last - 20, 14, ALL_DEPARTMENTS, "new_system", "Nieuw elektronisch patiëntendossier"),
            (last - 9, 1, DETERIORATING, "reorganisation", "Twee afdelingen geriatrie samengevoegd"),
            (last - 6, 7, ALL_DEPARTMENTS, "social_action", "Nationale actiedag in de zorg")):
        events.add_event(db_path, DEMO_ACTOR, _day(months[month], day), department, kind, title,
                         now=_at(_day(months[month], day) + dt.timedelta(days=3)))
    for month, advice in (
            (last - 4, "Het ziekteverzuim op Intensieve zorg daalt sinds de invalpool. Aandacht voor "
                       "Schoonmaak: de arbeidsongevallen blijven hoog; de opleiding loopt nog."),
            (last - 1, "Geriatrie: verzuim en verloop stijgen sinds de samenvoeging. Ik adviseer "
                       "teamgesprekken en een herverdeling van de nachtdiensten.")):
        day = _day(months[month], 12)
        meeting_id = meetings.add_meeting(db_path, DEMO_ACTOR, day, f"PV-CPBW-{months[month]}",
                                          now=_at(day))
        meetings.set_advice(db_path, DEMO_ACTOR, meeting_id, advice, now=_at(day, 16))
    with access.open_store(db_path) as con, access.transaction(con):     # roles as in a real store
        con.execute("UPDATE action_history SET role = 'committee' WHERE actor = ?", [DEMO_ACTOR])


def _summary(months: np.ndarray, totals: dict[str, dict[str, int]]) -> str:
    lines = [
        f"DEMO data: {ORGANISATION}",
        f"{len(DEPARTMENTS)} departments, {len(months)} months ({months[0]} to {months[-1]})",
    ]
    for kind, total in totals.items():
        lines.append(
            f"  {kind}: {total['rows']} rows in {total['files']} files "
            f"({total['new']} new, {total['replaced']} replaced, {total['unchanged']} unchanged)"
        )
    return "\n".join(lines)
