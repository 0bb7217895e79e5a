/**
 * Common given names from several languages, lower-case. Only a hint that raises confidence in a
 * name-like column; words that are also places or things (Jordan, Georgia, Chad) are left out.
 */
const NAMES = `
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander patrick frank
raymond jack dennis jerry tyler aaron jose adam nathan henry peter zachary douglas harold kyle noah ethan
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca sharon laura cynthia
kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel
carolyn janet catherine maria heather diane ruth julie olivia joyce victoria kelly christina lauren joan
evelyn judith megan andrea cheryl hannah martha jacqueline frances gloria ann teresa kathryn sara janice
jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia
marie diana natalie isabella charlotte ava mia amelia harper lucas liam oliver elijah mason logan leo
luca mateo hugo louis jules gabriel arthur raphael adam lea chloe manon camille ines lina jade louise
lena mila sofia giulia francesca alessandro lorenzo marco matteo giuseppe giovanni antonio luigi
hans klaus jurgen stefan wolfgang uwe dieter lukas felix maximilian paul jonas finn elias leon ben
anja petra sabine claudia ursula monika katharina lea hanna johanna greta
carlos juan luis miguel jorge pedro alejandro diego javier pablo sergio fernando ricardo manuel rafael
lucia carmen ana isabel elena laura marta paula cristina rosa pilar beatriz
joao pedro tiago rafael gustavo bruno felipe leonardo matheus beatriz larissa fernanda juliana camila
rahul amit raj ravi vijay sanjay anil suresh arjun rohan priya pooja neha anjali divya kavya sneha aisha
wei li jing ming yan hui lei hiroshi takashi kenji yuki haruto sota yui aoi sakura hana
mohammed muhammad ahmed ali omar hassan hussein yusuf ibrahim fatima aisha zainab maryam layla nour
olga irina natalia svetlana tatiana anastasia ivan dmitri sergei alexei nikolai vladimir
sean liam conor ciaran aoife siobhan niamh
`;

export const COMMON_FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
