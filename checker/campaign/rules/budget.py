"""The money rules: does the plan spend the budget it was given, inside the campaign, in
lines big enough to learn; does each forecast follow from its line's budget, rate and
assumptions; are the assumptions believable; is each line bought and measured as its
objective asks; and does the forecast reach the goal."""

from __future__ import annotations

from checker.campaign.forecast import diagnose, steps
from checker.campaign.parse import plan_data
from checker.campaign.rules.base import Campaign, Judgement, Verdict, judged, per_row, rows_text, rule, sentences


def money(value: float, currency: str) -> str:
    """An amount as a brief writes it: '150,000 RUB'."""
    return f"{value:,.0f} {currency}"


@rule("campaign.budget", "The budget adds up, fits the campaign and lets each line learn")
def budget(campaign: Campaign) -> Judgement:
    """The line budgets add up to the total the brief gives (within the rubric's
    tolerance, 1%), every line runs inside the campaign period, and no line is too small
    to leave the platform's learning phase: its forecast optimisation events (impressions,
    clicks or conversions, by objective) reach the figure the platform publishes, per
    day or per week.

    Half the credit is the total, half the share of lines that are fine."""
    figures, lines = campaign.figures, campaign.lines
    codes: dict[int, str] = {}
    notes = []
    spent = sum(line.budget for line in lines)
    off = (spent - figures.total_budget) / figures.total_budget * 100
    total_ok = abs(off) <= campaign.rubric.budget_tolerance
    if not total_ok:
        codes[0] = "total-mismatch"
        notes.append(f"the lines add up to {money(spent, figures.currency)}, {abs(off):.1f}% "
                     f"{'over' if off > 0 else 'under'} the budget of {money(figures.total_budget, figures.currency)}")
    outside = [line.row for line in lines if line.start < figures.start or line.end > figures.end]
    codes.update({row: "outside-period" for row in outside})
    if outside:
        notes.append(f"{rows_text(outside)} run outside the campaign, {figures.start} to {figures.end}")
    learning = plan_data()["learning"]
    starved = []
    for line in lines:
        needs = learning.get(line.platform)
        if line.row in outside or needs is None:
            continue
        event = plan_data()["optimisation_event"][line.objective]
        per_day = campaign.forecasts[line.row].events(event) / line.days
        if per_day * needs["days"] < needs["events"]:
            starved.append(line.row)
            codes.setdefault(line.row, "learning-phase")
            period = "a day" if needs["days"] == 1 else f"in {needs['days']} days"
            notes.append(f"row {line.row} forecasts about {per_day * needs['days']:.1f} {event} {period}, short of the "
                         f"{needs['events']} {period} {line.platform} needs to leave its learning phase "
                         f"({needs['source']}); give it more budget or merge it with another line")
    if not notes:
        return Judgement(Verdict("pass", f"The lines spend the {money(figures.total_budget, figures.currency)} "
                                 "budget inside the campaign period, each big enough to learn."))
    rows_verdict = per_row(len(lines), outside + starved, [], "")
    credit = 0.5 * total_ok + 0.5 * rows_verdict.earned()
    message = sentences(notes)
    return judged(Verdict("fail", message, rows_verdict.rows, credit), codes)


@rule("campaign.arithmetic", "Each forecast follows from its line's budget, rate and assumptions")
def arithmetic(campaign: Campaign) -> Judgement:
    """Impressions, clicks, conversions and CPA follow from the line's own budget, rate,
    CTR and conversion rate, within rounding: impressions = budget / rate × 1,000 on a
    CPM line, clicks = budget / rate on a CPC line, clicks = impressions × CTR,
    conversions = clicks × conversion rate, CPA = budget / conversions. Each step is
    checked from the line's previous figure, so one slip costs one finding; the finding
    names the likely mistake (a missing × 1,000, a percentage used as a fraction, a
    division the wrong way round, the wrong base)."""
    codes: dict[int, str] = {}
    notes = []
    for line in campaign.lines:
        for step in steps(line):
            found = diagnose(step, campaign.rubric)
            if found:
                code, why = found
                codes.setdefault(line.row, code)
                notes.append(f"row {line.row}, {step.column} should be {step.formula}: {why}")
                break
    if not codes:
        return Judgement(Verdict("pass", "Every forecast follows from its line's budget, rate and assumptions."))
    return judged(per_row(len(campaign.lines), list(codes), [], sentences(notes)), codes)


@rule("campaign.assumptions", "CTR, conversion rate and rates are believable")
def assumptions(campaign: Campaign) -> Judgement:
    """Each line's rate (CPM or CPC), CTR and conversion rate lie inside the benchmark
    ranges the exercise gives for its platform, with their source and date. An
    assumption outside its range is a warning: it may be right, but the plan then rests
    on a figure the learner must be able to defend."""
    figures = campaign.figures
    codes: dict[int, str] = {}
    notes = []
    for line in campaign.lines:
        table = figures.benchmarks.get(line.platform)
        if table is None:
            continue
        assumed = {line.buying_model: line.rate, "ctr": line.ctr, "conversion_rate": line.conversion_rate}
        for name, value in assumed.items():
            low, high = table[name]
            if value is not None and not low <= value <= high:
                codes.setdefault(line.row, "outside-benchmark")
                unit = "%" if name in ("ctr", "conversion_rate") else f" {figures.currency}"
                notes.append(f"row {line.row}: {name.replace('_', ' ')} {value:g}{unit} is outside "
                             f"{low:g}-{high:g}{unit} ({figures.sources[line.platform]})")
    if not codes:
        return Judgement(Verdict("pass", "Every rate, CTR and conversion rate lies inside the exercise's benchmarks."))
    return judged(per_row(len(campaign.lines), [], list(codes), sentences(notes)
                          + " Use a figure inside the range, or say in the plan why yours will hold."), codes)


@rule("campaign.objective-fit", "Each line is bought and measured as its objective asks")
def objective_fit(campaign: Campaign) -> Judgement:
    """Awareness is bought on impressions (CPM) and traffic on clicks (CPC), so the
    line pays for what it is after; a leads or sales line is measured by its
    conversions and CPA, so it needs a conversion rate, a conversions forecast and a CPA."""
    fit = plan_data()["fit"]
    codes: dict[int, str] = {}
    notes = []
    for line in campaign.lines:
        model = fit["buying_model"].get(line.objective)
        if model and line.buying_model != model:
            codes[line.row] = "buying-model"
            notes.append(f"row {line.row} buys {line.objective} on {line.buying_model.upper()}; buy it on "
                         f"{model.upper()}, so you pay for {'impressions' if model == 'cpm' else 'clicks'}")
        elif line.objective in fit["conversion_objectives"] and not (
                line.conversion_rate and line.conversions and line.cpa):
            codes[line.row] = "no-conversions"
            notes.append(f"row {line.row} is a {line.objective} line without a conversion rate, conversions and "
                         "CPA; it is judged by them, so forecast them")
    if not codes:
        return Judgement(Verdict("pass", "Every line is bought and measured as its objective asks."))
    return judged(per_row(len(campaign.lines), list(codes), [], sentences(notes)), codes)


@rule("campaign.goal", "The forecast reaches the goal")
def goal(campaign: Campaign) -> Judgement:
    """The conversions the plan forecasts (recomputed from each line's budget, rate and
    assumptions) reach the goal of the brief. If they fall short, the finding says by how
    much, and which lever would close the gap: moving budget to the line with the lowest
    cost per conversion, or a higher CTR or conversion rate, each checked against the
    benchmarks. Credit is the share of the goal reached."""
    figures = campaign.figures
    total = sum(f.conversions for f in campaign.forecasts.values())
    if total >= figures.goal:
        return Judgement(Verdict("pass", f"The plan forecasts {total:,.0f} {figures.goal_unit}, "
                                 f"reaching the goal of {figures.goal:,.0f}."))
    short = figures.goal - total
    needed = figures.goal / total if total else None
    levers = []
    selling = [line for line in campaign.lines if campaign.forecasts[line.row].conversions > 0]
    if selling:
        best = min(selling, key=lambda line: line.budget / campaign.forecasts[line.row].conversions)
        cheapest = best.budget / campaign.forecasts[best.row].conversions
        if figures.total_budget / cheapest >= figures.goal:
            levers.append(f"budget: move money to row {best.row}, whose cost per conversion is lowest "
                          f"({money(cheapest, figures.currency)})")
    if needed:
        for name in ("ctr", "conversion_rate"):
            fits = all(getattr(line, name) is None or line.platform not in figures.benchmarks
                       or getattr(line, name) * needed <= figures.benchmarks[line.platform][name][1]
                       for line in selling)
            levers.append(f"{'CTR' if name == 'ctr' else 'conversion rate'}: {needed - 1:.0%} higher on every line"
                          + ("" if fits else ", beyond the benchmarks, so hard to defend"))
    advice = "; or ".join(levers) if levers else "add a leads or sales line with a conversion rate"
    message = (f"The plan forecasts {total:,.1f} {figures.goal_unit}, {short:,.1f} short of the goal of "
               f"{figures.goal:,.0f} ({short / figures.goal:.0%}). To close the gap: {advice}.")
    return Judgement(Verdict("fail", message, (), total / figures.goal), "short-of-goal")
