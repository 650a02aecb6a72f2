"""Who leads a study or trial, in the words writers use ("led by X", "X's team", "principal
investigator X", "X, who leads the trial", "its principal investigators were X, Y and Z").

Shared by the atlas and news loaders.
"""

from __future__ import annotations

from loaders.people import Hit, coordinated
from loaders.text import CaselessPattern
from ontology.model import NodeBase

Leader = tuple[NodeBase, str, float]  # (researcher, rule suffix, confidence)

# After a name: its credentials, "X, MD, PhD, ..."
CREDS = r"(?:,\s*(?:md|phd|mph|dphil|mbbs|dsc|msc|rn|frcp|pharmd|ms|ma|do|dds|scd|mba)\b)*"
BY = CaselessPattern(
    r"\b(?:led|run|launched|conducted|headed|initiated|designed|started|co-led|carried out|performed|directed|"
    r"coordinated|overseen|supervised)\b[^.;]{0,60}?\bby\b"
)
AUTHORSHIP = CaselessPattern(r"\b(?:and )?(?:first-authored|authored|first author|co-authors?|coauthors?|published)\b")
# "principal investigator Lindsey Baden", "its principal investigators were X, Y and Z".
_WITH = CaselessPattern(r"(?<!together),?\s+(?:and )?with\b")
LEADER_BEFORE = CaselessPattern(
    r"\b(?:(?:principal|lead|chief|co-principal) investigators?|senior author)\s+(?:(?:were|was|are|is)\s+)?"
    r"(?:[a-z]+\s+)?$"
)
LEADER_AFTER = CaselessPattern(
    rf"^{CREDS}(?:,\s*(?:[a-z]+\s+){{0,2}}who (?:leads|led|co-led|co-leads|heads|headed|runs|ran|directs|directed)"
    # "Newton, who co-led the work with the liver specialist David Jones": Jones too
    r"(?: (?:the |this )?(?:work|study|trial|project) with\b[^,;.]{0,60})?"
    r"|,\s*(?:the )?(?:study|trial|project|paper)'s (?:[\w-]+ ){0,2}(?:investigator|leader|lead|director|head)\b"
    # "Thorsten Rudroff has registered a study of transcranial direct current stimulation"
    r"|,?\s+(?:has |have |had )?(?:registered|launched|set up|designed|is running|is leading) (?:a |an |the )?"
    r"(?:[\w-]+ ){0,3}?(?:trial|study|pilot|programme|program|project)\b"
    # "Anne Louise Oaklander of Massachusetts General Hospital led the analysis"
    r"|(?:\s+(?:of|at|from)\s+(?:(?!\b(?:who|whose|and|with|while)\b)[^;.]){0,80}?)?,?\s+"
    r"(?:leads|led|heads|headed|runs|ran|directs|directed) "
    r"(?:the |this |a )?(?:trial|study|team|group|work|"
    r"programme|program|project|analysis|research)"
    r"|\s+as (?:the |its )?(?:chief|principal|lead|co-principal) investigator"
    # "with Peluso as first author and Timothy Henrich, MD, whose laboratory studies X, as senior author"
    r"|(?:,[^,;.]{0,80},)?\s+as (?:the )?(?:(?:senior|corresponding) author|senior investigators?)"
    # "X and Y, MD, run the Long-term Impact of ... (LIINC) study"
    r"|(?:\s+and\s+[^.;]{0,60}?)?\s+(?:lead|leads|led|head|heads|headed|run|runs|ran|direct|directs|directed|"
    r"co-lead|co-leads|co-led) (?:the |this |a |an )(?:[\w()/'-]+ ){0,10}?(?:trial|study|cohort|project|consortium)\b)"
)
LAB_OF_BEFORE = CaselessPattern(
    r"\b(?:laborator(?:y|ies)|lab|group|team|service|unit|clinic) of\s*(?:the (?:[a-z]+ ){0,2}?[a-z]+(?:ist|ian)\s+)?$"
    # "The exercise physiologist who ran the work, Betsy Keller, ..."
    r"|\bwho (?:ran|runs|led|leads|directed|headed) the (?:work|study|trial|project|research),\s*$"
    # "The cardiologist behind the work, Pam Taub, ..."
    r"|\bbehind the (?:work|study|trial|project|research|analysis),\s*$"
)
# "X's team", "Dikoma Shungu's magnetic resonance team", "Jarred Younger's Neuroinflammation, Pain and Fatigue
# Laboratory"; "the Hanson lab" (but not "X as first author, the group ...")
GROUP_AFTER = CaselessPattern(r"^(?:'s\s+(?:[\w-]+,?\s+){0,4}?|\s+)(?:team|group|lab|laboratory)\b")
PRONOUN_GROUP = CaselessPattern(r"\b(?:his|her|their) (?:team|group|lab)\b")


def led_by(text: str, hits: list[Hit]) -> list[NodeBase]:
    """Everyone named after 'led by' / 'run by' before authorship starts ("led by his group and
    first-authored by ..."): co-principal investigators are all leaders."""
    m = BY.search(text)
    if not m:
        return []
    stop = AUTHORSHIP.search(text, m.end())
    if stop and not text[m.end() : stop.start()].strip():  # "led by first author X": X leads
        stop = AUTHORSHIP.search(text, stop.end())
    end = stop.start() if stop else len(text)
    with_ = _WITH.search(text[:end], m.end())  # "led by X, with Y as first author": Y is an author
    end = with_.start() if with_ else end
    return [p for start, _, p, _ in hits if m.end() <= start < end]


def named_leaders(text: str, hits: list[Hit]) -> list[Leader]:
    """Leaders the sentence names outright: by-phrases, leader titles and roles, "X's team"."""
    out: list[Leader] = [(p, "led_by", 0.9) for p in led_by(text, hits)]
    for i, (start, end, person, _) in enumerate(hits):
        before = LEADER_BEFORE.search(text[:start])
        after = LEADER_AFTER.match(text[end:])  # asked once: the slice is a new text each time
        if before or after:
            out.append((person, "leader", 0.9))
            if before and "investigators" in before.group():  # "investigators were X, Y and Z"
                out += [(other, "leader", 0.85) for _, _, other, _ in hits[i + 1 :]]
            elif after and not before:  # "X and Y run the ... study": Y too
                out += [(other, "leader", 0.85) for s, _, other, _ in hits[i + 1 :] if s < end + after.end()]
            break
    for start, end, person, _ in hits:
        lab_of = LAB_OF_BEFORE.search(text[:start])
        if GROUP_AFTER.match(text[end:]) or lab_of:
            out.append((person, "group", 0.85))
            if lab_of:  # "the group of the psychologist X and the internist Y"
                out += [(other, "group", 0.8) for other in coordinated(text, hits, start)[1:]]
    unique: dict[str, Leader] = {}
    for leader in out:
        unique.setdefault(leader[0].id, leader)
    return list(unique.values())
