package corpus

import "strings"

// Given names with the gender they are mostly given to, so that "she said"
// never goes to a man and a title word before a name ("Goalkeeper Sam
// Okafor") can be told from the name.
//
// Source: the most common given names in the US Social Security
// Administration's national baby-name data (https://www.ssa.gov/oact/babynames/,
// the top names of each decade 1930s–2000s), written out by hand, with
// names given about as often to girls as to boys (Jordan, Taylor, Casey,
// Jamie, Leslie, …) left out; plus common English-language short forms
// (Bill, Bob, Jim, Liz, …). It is deliberately short: a name it lacks is
// simply of unknown gender, which the rules treat as compatible with
// either pronoun.
var maleNames = words(`
aaron adam adrian alan albert alex alexander alfred allen andrew andy
angelo anthony antonio arnold arthur austin barack barry ben benjamin
bernard bernie bill billy bob bobby brad bradley brandon brent brett brian
bruce bryan byron calvin carl carlos chad charles charlie chester chris
christopher chuck clarence claude clifford clint clinton cody colin corey
craig curtis dale dan daniel danny darrell darren dave david dean dennis
derek devin dick don donald doug douglas duane dustin dwight earl eddie
edgar edward edwin eli elijah elliott eric ernest ethan eugene evan floyd
francis frank franklin fred frederick gabriel gary gene geoffrey george
gerald gilbert glen glenn gordon graham greg gregory harold harry harvey
hector henry herbert herman howard hugh ian isaac ivan jack jacob jake
james jared jason jay jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy
joe joel john johnny jon jonathan jose joseph josh joshua juan julian
justin karl keith ken kenneth kevin kirk kyle lance larry lawrence lee
leon leonard leroy lewis lindsey lloyd logan louis luis luke malcolm
manuel marc marco marcus mario mark marshall martin marvin matt matthew
maurice max michael mike miguel mitch mitchell mitt nathan nathaniel neil
newt nicholas nick noah norman oliver oscar owen patrick paul pedro peter
phil philip phillip ralph randy ray raymond reggie reince rex ricardo
richard rick ricky rob robert roberto rod rodney roger roland ron ronald
ross roy rudy russell ryan sam samuel scott sean seth shane shaun sidney
simon stanley stephen steve steven stuart ted terry thomas tim timothy
todd tom tommy tony travis trent troy tyler vernon victor vincent wade
walter warren wayne wesley willard william willie zachary
`)

var femaleNames = words(`
abigail ada agnes alice alicia allison alma amanda amber amy ana andrea
angela angelina ann anna anne annette annie april audrey barbara beatrice
becky belinda bernice beth betsy betty beverly bonnie brenda bridget
brittany carla carly carmen carol caroline carolyn carrie catherine cathy
cecilia charlotte cheryl christina christine cindy claire clara claudia
colleen connie constance crystal cynthia daisy dana danielle darlene
dawn debbie deborah debra denise diana diane donna doris dorothy edith
eileen elaine eleanor elena elizabeth ella ellen eloise elsie emily emma
erica erin esther ethel eva evelyn faith florence frances gail geraldine
gina gladys gloria grace gwen hannah harriet hazel heather heidi helen
hillary holly ida irene iris isabel jackie jacqueline jane janet janice
jean jeanette jeanne jennifer jenny jessica jill jo joan joanne jodi
josephine joy joyce judith judy julia julie june karen kate katherine
kathleen kathryn kathy katie kay kelly kim kimberly kirsten kristen
kristin laura lauren leah lillian linda lisa liz lois loretta lori
lorraine louise lucille lucy lydia lynn mabel madeline mae marcia margaret
maria marian marie marilyn marion marjorie marlene martha mary maureen
megan melanie melinda melissa michele michelle mildred miriam molly monica
nancy naomi natalie nellie nicole nikki nina nora norma olivia paige pam
pamela patricia patsy paula pauline peggy penny phyllis priscilla rachel
rebecca regina renee rhonda rita roberta robin rosa rose rosemary ruby ruth
sally samantha sandra sara sarah sharon sheila shelley sherry shirley
sonia sophia stacy stella stephanie sue susan suzanne sylvia tammy tanya
tara teresa thelma theresa tiffany tina tracy valerie vanessa vera
veronica victoria virginia vivian wanda wendy whitney yvonne
`)

// gender is what a given name says: 'm', 'f' or 0 when unknown.
func gender(given string) byte {
	var buf [32]byte
	g := strings.TrimSuffix(given, ".")
	return genderOfLower(string(lowerInto(buf[:0], g))) // lowered on the stack: no allocation
}

func genderOfLower(g string) byte {
	switch {
	case maleNames[g]:
		return 'm'
	case femaleNames[g]:
		return 'f'
	}
	return 0
}

// nameGender is the gender a person's full name gives, from its first
// word that is a known given name (titles and initials skipped), or 0.
func nameGender(name string) byte {
	for w := range strings.FieldsSeq(name) {
		if g := gender(w); g != 0 {
			return g
		}
		var buf [32]byte
		t := strings.TrimSuffix(w, ".")
		if g := titleGender(string(lowerInto(buf[:0], t))); g != 0 {
			return g
		}
	}
	return 0
}

// titleGender is the gender a lower-case title gives ("mr", "queen"), or 0.
func titleGender(t string) byte {
	switch t {
	case "mr", "sir", "lord", "king", "prince":
		return 'm'
	case "mrs", "ms", "miss", "dame", "lady", "queen", "princess":
		return 'f'
	}
	return 0
}

// pronounGender is the gender a pronoun names, or 0 for they, it, we, I.
func pronounGender(p string) byte {
	switch p {
	case "he", "him", "his":
		return 'm'
	case "she", "her", "hers":
		return 'f'
	}
	return 0
}

// fits reports whether a pronoun may stand for a person of this name:
// only a known gender that differs rules it out.
func fits(pronoun, name string) bool {
	pg, ng := pronounGender(pronoun), nameGender(name)
	return pg == 0 || ng == 0 || pg == ng
}

// peelTitle returns how many leading words of a capitalised run are a
// title rather than the name: "Goalkeeper Sam Okafor", "Treasurer David
// Cole". A word is peeled when it is no given name and the next one is.
func peelTitle(ts []token) int {
	n := 0
	for len(ts)-n >= 3 && !ts[n].is(cGiven) && ts[n+1].is(cGiven) {
		n++
	}
	return n
}

// placeNames are US states and other places news names as often as
// countries, which are no people: "in states like South Carolina, he
// said" must not make South Carolina the "he". Countries and capitals are
// in the gazetteer, where they stand for parties; these stand for none.
var placeNames = words(`
alabama alaska arizona arkansas california colorado connecticut delaware
florida georgia hawaii idaho illinois indiana iowa kansas kentucky
louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada new_hampshire new_jersey new_mexico
new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania
rhode_island south_carolina south_dakota tennessee texas utah vermont
virginia washington west_virginia wisconsin wyoming puerto_rico
los_angeles san_francisco san_diego new_orleans las_vegas chicago boston
philadelphia houston dallas miami atlanta detroit seattle denver phoenix
silicon_valley wall_street capitol_hill manhattan brooklyn
`)

// placePrefixes open two-word place names, never people's.
var placePrefixes = words(`san santa los las fort port lake mount`)

// placeFirstWords are the words a place name of placeNames or
// placePrefixes opens with, so that a token can rule itself out by its
// class bit.
var placeFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for k := range placeNames {
		m[strings.SplitN(k, "_", 2)[0]] = true
	}
	for k := range placePrefixes {
		m[k] = true
	}
	return m
}()

// isPlaceRun reports whether a run of capitalised words is exactly one of
// placeNames.
func isPlaceRun(ts []token) bool {
	if len(ts) == 0 || len(ts) > 2 || !ts[0].is(cPlace) {
		return false
	}
	key := ts[0].lower
	if len(ts) == 2 && placePrefixes[key] {
		return true // "San Jose", "Fort Worth", "Los Alamos"
	}
	if len(ts) == 2 {
		key += "_" + lowerWord(ts[1].base)
	}
	return placeNames[key]
}

// strictHonorifics before a capitalised word make it a surname whatever
// tables the word is in: "Mr. King", "Ms. Prince", "Dr. Hope".
var strictHonorifics = words(`mr mr. mrs mrs. ms ms. dr dr. miss`)

// honorificName reports whether ts[i] is a surname by the honorific
// before it, though a table claims the word as a title or place.
func honorificName(ts []token, i int) bool {
	t := &ts[i]
	return i > 0 && ts[i-1].is(cHonorific) && strictHonorifics[ts[i-1].lower] &&
		t.kind == tWord && t.cap && !t.is(cStop|cOrg|cDoc) && !isAllCaps(t.base)
}

// surnameAt reports whether ts[j] ends a name that a known given name
// opens at ts[i], though a table claims the word ("Steve Israel", "Peter
// T. King", "Billie Jean King"): the run is short and ends there.
func surnameAt(ts []token, i, j int) bool {
	t := &ts[j]
	if t.kind != tWord || !t.cap || t.is(cStop) && !nameLikeStops[t.lower] || t.is(cOrg|cDoc) || j-i > 2 || ts[j-1].poss || !ts[i].is(cGiven) || isAllCaps(t.base) {
		return false
	}
	return j+1 >= len(ts) || ts[j+1].kind != tWord || !ts[j+1].cap
}

// givenNameStart reports whether ts[i] is a given name that opens a
// person's name though a table claims the word ("Bill McInturff", "Grace
// Okonkwo", "Mark Dunne"): a known given name before a name word.
func givenNameStart(ts []token, i int) bool {
	return ts[i].is(cGiven) && ts[i].cap && !ts[i].is(cStop) && i+1 < len(ts) && isNameWord(&ts[i+1]) && !ts[i].poss
}

// describesName reports whether the words from ts[k] are a role phrase
// and a name, so that the name before them only describes that person:
// in "Lee spokeswoman Ann Hart said", Hart, not Lee, is the subject.
func describesName(ts []token, k int) bool {
	j := k
	for j < len(ts) && j-k <= maxRoleModifiers && ts[j].kind == tWord && !ts[j].cap && !ts[j].is(cSpeech) {
		j++
	}
	return j > k && j < len(ts) && ts[j-1].is(cRole|cTitle) && isNameWord(&ts[j])
}
