package corpus

import (
	"strings"
	"unicode/utf8"
)

// The rule tables of the engine. Each is a plain word list so that a reader
// can check and extend it; every table has its own test in lexicon_test.go.
// Nothing here names a story: the words are those of news reporting in
// general.

// speechVerbs are the lemmas that attribute words to a speaker: "X said",
// "said X", "X told reporters that …". Inflected forms come from inflect.
var speechVerbs = words(`
say tell add state note explain remark comment declare announce insist argue
claim assert maintain observe write reply respond answer continue conclude
acknowledge admit urge ask demand warn accuse condemn denounce deny reject
dismiss describe cite vow pledge promise suggest stress emphasize emphasise
reiterate recall allege charge blame complain counter retort threaten
criticize criticise slam blast brand label rebuke caution predict confirm
tweet quote read call hit push speak testify contend
disclose reveal mention point express welcome praise lament decry protest
dispute refute rebut reaffirm characterize characterise concede quip scoff fume
echo assure boast confess joke plead proclaim remind shout tout yell`)

// irregularSpeech are inflected speech verbs inflect cannot derive.
var irregularSpeech = words(`said says told tells wrote writes spoke spoken
hit hits read reads reported posted`)

// wordByte marks the ASCII bytes forEachWord keeps in a word: letters,
// digits and the hyphen.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = asciiAlnum[c] || c == '-'
	}
	return t
}()

// hasAny reports whether any word of a lower-case text matches lex.
func hasAny(text string, lex lexicon) bool {
	return lexiconsIn(text, lex.bit).has(lex)
}

// accusationWords mark a statement that accuses, condemns or warns another
// party of wrongdoing. They are matched as word prefixes ("accus" matches
// accuse, accused, accusation).
var accusationWords = prefixes(`
accus condemn blam alleg charg indict sanction rebuk critic warn threat
malicious malign hack attack steal stole theft espionage spy spie breach
violat disinformation lies subvert undermin coerc destabili irresponsib
illegal unlawful wrongdoing guilty convict penalt fine deduct lawless
dictator disgrace misconduct fraud abuse reckless aggress interfer meddl
manipul propaganda cyberattack intrusion compromis exploit punish
responsib accountable consequence impose enemy fake mislead deceiv cheat
corrupt harm damag contest challeng repress denounc`)

// denialWords mark a statement that denies, rejects or rebuts a charge.
var denialWords = prefixes(`
deny denie denial reject dismiss refut rebut baseless groundless
unfounded ill-founded false fabricat slander smear absurd lie lies untrue
nonsense unjust disproportionate appeal incorrect inaccura misleading
hype unreasonable politically oppos victim innocent never pushback
irresponsible ungrounded shocked disappoint regret unprecedented
mischaracteri misrepresent distort outrageous ridiculous preposterous
out-of-context context`)

// rebuttalVerbs in a lead sentence make their subject the accused party:
// "China rejected …", "Iran dismisses allegations …".
var rebuttalVerbs = words(`
deny denies denied denying reject rejects rejected rejecting dismiss
dismisses dismissed dismissing refute refutes refuted rebut rebuts rebutted
slam slams slammed hit hits push pushes pushed react reacts reacted respond
responds responded defend defends defended appeal appeals appealed
counter counters countered protest protests protested decry decries decried
`)

// accusingVerbs in a lead sentence make their subject the accuser and
// their object the accused: "NATO condemns China …".
var accusingVerbs = words(`
accuse accuses accused accusing condemn condemns condemned condemning
blame blames blamed blaming sanction sanctions sanctioned indict indicts
indicted charge charges charged rebuke rebukes rebuked warn warns warned
criticise criticises criticised criticize criticizes criticized fine fines
fined convict convicts convicted deduct deducts deducted punish punishes
punished sue sues sued`)

// pronouns that may stand for a speaker ("he said"). I and we are never a
// speaker's name: they are resolved like the others or left unattributed.
var pronouns = words(`he she they it we i`)

// roleNouns name a role a speaker holds ("the spokesman", "the official").
// A mention made only of a role noun is resolved to the person last
// introduced with that role.
var roleNouns = words(`
spokesman spokeswoman spokesperson spokespeople spox official officials
minister secretary chief director ambassador diplomat diplomats coordinator
adviser advisor attorney judge commissioner chairman chairwoman chair head
leader leaders lawmaker lawmakers senator governor mayor prosecutor
prosecutors investigator investigators analyst analysts expert experts
researcher researchers source sources representative envoy counsel lawyer
lawyers aide aides officer officers deputy president premier chancellor
editor executive ceo founder owner manager boss correspondent reporter
journalist interviewer host presenter commander general admiral king queen
prince sheikh emir pope bishop professor doctor dr spokespersons authorities
negotiator negotiators statement`)

// titleWords may stand inside a title before a name ("NATO
// Secretary-General", "Chinese Foreign Ministry spokesman") and are never
// part of a person's name.
var titleWords = words(`
secretary-general secretary general minister prime deputy vice foreign
state defence defense interior home national security president premier
chancellor chairman chairwoman chief executive director ambassador senator
sen rep representative governor mayor judge justice attorney attorney-general
assistant commissioner spokesman spokeswoman spokesperson coordinator
adviser advisor counsel envoy officer official editor managing senior
junior acting former top lead leader king queen prince princess emperor
sheikh emir pope cardinal bishop archbishop gen general lt lieutenant col
colonel maj major capt captain adm admiral sgt sergeant cmdr commander
dr prof professor mr mrs ms miss sir dame lord lady rev father sister
brother chair ceo cto cfo coo founder cofounder co-founder president-elect
minister-president high special press public communications affairs
cyber digital arms control economic trade finance treasury health
intelligence military army navy air force police justice department
ministry office bureau council committee commission agency embassy
consulate mission delegation parliamentary under-secretary undersecretary
permanent`)

// orgWords end the name of an independent organisation ("Premier League",
// "Washington Post"): such a name is its own party, even when it contains a
// place.
var orgWords = words(`
league club fc union association federation company corporation corp
inc ltd llc plc group holdings bank university college institute
foundation society post times journal news herald tribune guardian
telegraph daily weekly network television tv radio press wire media
magazine gazette review reuters conference forum summit party movement
alliance coalition organisation organization center centre lab labs
laboratory systems technologies technology software airlines airways
motors energy partners capital fund trust hospital school court tribunal
board authority regulator commission reserve exchange war act bill law
initiative program programme cup games olympics sea ocean river street square
road avenue island islands province region city republic army`)

// eventWords end the names of events, which are not parties ("NATO
// Summit" is NATO's).
var eventWords = words(`summit conference forum war games cup olympics`)

// namingWords before a short quotation make it a name, not speech:
// "hackers called “Hafnium”".
var namingWords = words(`call calls called dubbed named termed titled so-called as`)

// docWords name documents that can be quoted ("the communiqué said").
var docWords = words(`
statement communiqué communique advisory report document letter
declaration concept strategy memo memorandum indictment ruling judgment
judgement filing complaint notice release post tweet resolution treaty
agreement accord charter paper study review order`)

// honorifics before a lone surname make it a person ("Mr Wang").
var honorifics = words(`mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame
judge gen gen. general president senator sen. rep. minister`)

// stopCaps are capitalised words that start sentences and clauses but are
// never part of a name.
var stopCaps = words(`
the a an in on at as by for from with but and or if when while after
before since although though however meanwhile moreover furthermore this
that these those it its he she they we i his her their our my your you
there here what who whom whose which why how some many several most all
both each every no not other another such also yet still so then now last
next earlier later according among asked under over within without
despite during following including like unlike instead even only just
recently dear yesterday today tonight tomorrow monday tuesday wednesday
thursday friday saturday sunday january february march april may june
july august september october november december first second third
together simply indeed clearly nobody everyone anyone someone nothing
everything ties transcript question answer q a sure well look mr mrs ms
source sign read related update note photo watch listen correction
editor's`)

// fillerWords may sit between a subject and its speech verb ("Zhao has
// also said", "Wang repeatedly told") without breaking the link.
var fillerWords = words(`
has have had also then later again repeatedly further previously once
recently earlier already reportedly publicly separately similarly would
will could did does do is was were be been being had not never firmly
strongly flatly swiftly quickly immediately angrily sharply late
subsequently later`)

// interviewCues in a sentence mark who was interviewed and by whom.
var interviewCues = words(`interview interviewed spoke speaking asked asking
correspondent journalist reporter host told`)

// words splits a whitespace-separated list into a set.
func words(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// inflect expands each speech lemma to the forms news uses: says, said
// (regular -ed), saying.
func inflect(lemmas map[string]bool) map[string]bool {
	out := map[string]bool{}
	for l := range lemmas {
		out[l] = true
		switch {
		case strings.HasSuffix(l, "e"):
			out[l+"s"], out[l+"d"], out[l[:len(l)-1]+"ing"] = true, true, true
		case strings.HasSuffix(l, "y") && !strings.HasSuffix(l, "ay"):
			out[l[:len(l)-1]+"ies"], out[l[:len(l)-1]+"ied"], out[l+"ing"] = true, true, true
		case strings.HasSuffix(l, "sh"), strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "ss"):
			out[l+"es"], out[l+"ed"], out[l+"ing"] = true, true, true
		default:
			out[l+"s"], out[l+"ed"], out[l+"ing"] = true, true, true
		}
	}
	// Consonant doubling for the verbs that need it.
	for _, f := range []string{"slammed", "slamming", "rebutted", "rebutting", "hitting", "labelled", "labelling", "testified", "saying", "pushed", "pushing", "called", "calling", "quipped", "quipping", "echoes"} {
		out[f] = true
	}
	return out
}

// speechForms is every inflected speech verb.
var speechForms = func() map[string]bool {
	m := inflect(speechVerbs)
	for w := range irregularSpeech {
		m[w] = true
	}
	return m
}()
