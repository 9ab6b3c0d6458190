/**
 * A small list of common first names across languages, used only to guess that a column with no
 * name-like header holds people's names ("Maria Garcia", "Wei Zhang"). Lower case, accents
 * removed (compared with foldName). Deliberately short: a hit is a hint, not proof.
 */
const NAMES = `
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark paul steven andrew joshua
kevin brian george edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron adam henry nathan peter kyle walter ethan noah liam oliver
lucas harry oscar leo max alex sam tom ben chris sean ian owen luke dylan
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna
michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy angela helen anna ruth emma olivia sophia
ava isabella mia amelia charlotte grace chloe lucy ella hannah megan rachel natalie julia victoria zoe kate alice ellie jane
jose juan luis carlos jorge miguel javier antonio manuel francisco pedro pablo diego alejandro fernando sergio raul andres mateo
santiago sebastian nicolas martin hugo ricardo eduardo rafael gabriel
maria carmen ana lucia marta elena isabel sofia paula rosa pilar teresa cristina valentina camila daniela gabriela alejandra mariana
juana adriana veronica patricia monica silvia
joao tiago bruno felipe gustavo mateus beatriz leonor ines
jean pierre michel philippe alain francois louis jules julien antoine mathieu baptiste theo
marie sophie nathalie isabelle celine claire camille lea manon chloe amelie elodie margaux
hans klaus jurgen wolfgang stefan andreas markus uwe lukas leon finn jonas felix dieter gunter helmut matthias tobias florian
ursula monika petra sabine andrea katrin lena greta anja birgit heike
giuseppe giovanni marco luca francesco alessandro matteo lorenzo paolo roberto stefano
giulia francesca chiara sara martina alessia federica giorgia
jan pieter willem daan bram anouk sanne fleur
lars erik anders johan nils sven ingrid astrid freya elin mette kari
ivan dmitri sergei alexei vladimir olga natalia irina svetlana tatiana anastasia piotr tomasz katarzyna agnieszka jakub
mohammed muhammad mohamed ahmed ali omar hassan hussein khalid youssef ibrahim mustafa yusuf
fatima aisha mariam layla zainab nour amina
mehmet emre ayse zeynep elif
rahul amit raj arjun vikram sanjay ravi deepak aditya rohan priya anjali pooja neha sunita ananya
wei li ming jing yan hui lei jun xin hao yuki hiroshi takeshi kenji haruto sakura yui aiko hana
minjun jiwoo seoyeon minh linh
kwame kofi ama abena chinedu ngozi oluwaseun amara thabo sipho zanele wanjiru juma
`;

export const COMMON_FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter((n) => n !== ''));

/** Lower case, accents and apostrophes/hyphens removed: "Zoë" → "zoe", "Min-jun" → "minjun". */
export function foldName(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/['’-]/g, '');
}
