import countryData from 'i18n-iso-countries/langs/en.json';
import nationalityData from 'i18n-nationality/langs/en.json';

/**
 * Word lists the entity rules consult. Country names come from i18n-iso-countries and nationality adjectives
 * from i18n-nationality (both MIT, data inside the npm packages); the rest are short general lists of news
 * vocabulary kept here: titles, the head words of organisation and place names, regions and major places.
 * Keys are compared in lowercase, except where a list says otherwise.
 */

function lowerSet(words: Iterable<string>): ReadonlySet<string> {
  return new Set([...words].map((word) => word.toLowerCase()));
}

const countryValues = Object.values((countryData as { countries: Record<string, string | string[]> }).countries).flat();

// Names a country goes by in copy besides the ISO list's.
const countryAliases = [
  'U.S.', 'U.S.A.', 'US', 'USA', 'America', 'UK', 'U.K.', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales',
  'Northern Ireland', 'Russia', 'Syria', 'Iran', 'Venezuela', 'Bolivia', 'Vietnam', 'Laos', 'Moldova', 'Tanzania',
  'North Korea', 'South Korea', 'Korea', 'DPRK', 'Taiwan', 'Palestine', 'Gaza', 'West Bank', 'Kosovo', 'Micronesia',
  'Burma', 'Holland', 'Czech Republic', 'Ivory Coast', 'East Timor', 'Vatican', 'UAE', 'DRC', 'Congo',
];

/** Country names in the case they are written ("United States", "U.S."). */
export const countryNames: ReadonlySet<string> = new Set(
  [...countryValues, ...countryAliases].filter((name) => !name.includes(',') && !name.includes('(')),
);

// Names of regions, states and provinces, and large cities: places news copy names without a head word.
const regionNames = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Oceania',
  'Antarctica', 'Middle East', 'Near East', 'Far East', 'Caribbean', 'Balkans', 'Scandinavia', 'Arctic',
  'Southeast Asia', 'South East Asia', 'South Asia', 'East Asia', 'Central Asia', 'West Africa', 'East Africa',
  'North Africa', 'Sahel', 'Horn of Africa', 'Gulf', 'Persian Gulf', 'Mediterranean', 'Pacific', 'Atlantic',
  'Eastern Europe', 'Western Europe', 'Siberia', 'Kashmir', 'Crimea', 'Donbas', 'Kurdistan', 'Tibet', 'Xinjiang',
  'Darfur', 'Sinai', 'Golan Heights', 'Patagonia', 'Pacific Northwest', 'Midwest', 'New England', 'Silicon Valley',
  // United States
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming',
  // Canada and Australia
  'Ontario', 'Quebec', 'British Columbia', 'Alberta', 'Manitoba', 'Saskatchewan', 'Nova Scotia', 'New Brunswick',
  'Newfoundland', 'Yukon', 'Nunavut', 'New South Wales', 'Queensland', 'Victoria', 'Tasmania', 'South Australia',
  'Western Australia', 'Northern Territory',
  // Cities
  'London', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Milan', 'Vienna', 'Brussels', 'Amsterdam', 'Geneva', 'Zurich',
  'Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Dublin', 'Edinburgh', 'Lisbon', 'Athens', 'Warsaw', 'Prague',
  'Budapest', 'Bucharest', 'Sofia', 'Belgrade', 'Kyiv', 'Kiev', 'Kharkiv', 'Odesa', 'Moscow', 'St Petersburg',
  'Minsk', 'Istanbul', 'Ankara', 'Tbilisi', 'Baku', 'Yerevan', 'Tehran', 'Baghdad', 'Mosul', 'Basra', 'Damascus',
  'Aleppo', 'Homs', 'Idlib', 'Beirut', 'Amman', 'Jerusalem', 'Tel Aviv', 'Cairo', 'Alexandria', 'Riyadh', 'Jeddah',
  'Mecca', 'Medina', 'Doha', 'Dubai', 'Abu Dhabi', 'Muscat', 'Sanaa', 'Aden', 'Kabul', 'Kandahar', 'Herat',
  'Islamabad', 'Karachi', 'Lahore', 'Delhi', 'New Delhi', 'Mumbai', 'Kolkata', 'Chennai', 'Bangalore', 'Dhaka',
  'Kathmandu', 'Colombo', 'Beijing', 'Shanghai', 'Hong Kong', 'Shenzhen', 'Guangzhou', 'Wuhan', 'Taipei', 'Tokyo',
  'Osaka', 'Seoul', 'Pyongyang', 'Manila', 'Jakarta', 'Bangkok', 'Hanoi', 'Ho Chi Minh City', 'Kuala Lumpur',
  'Singapore', 'Yangon', 'Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide', 'Canberra', 'Auckland',
  'Wellington', 'Christchurch', 'Nairobi', 'Lagos', 'Abuja', 'Accra', 'Dakar', 'Addis Ababa', 'Khartoum',
  'Mogadishu', 'Kinshasa', 'Johannesburg', 'Cape Town', 'Pretoria', 'Tripoli', 'Tunis', 'Algiers', 'Rabat',
  'Casablanca', 'Washington', 'Washington D.C.', 'Washington, D.C.', 'L.A.', 'LA', 'NYC', 'New York City', 'Los Angeles', 'Chicago', 'Houston', 'Boston',
  'Philadelphia', 'San Francisco', 'Seattle', 'Miami', 'Atlanta', 'Dallas', 'Denver', 'Detroit', 'Las Vegas',
  'Phoenix', 'San Diego', 'Toronto', 'Montreal', 'Vancouver', 'Ottawa', 'Mexico City', 'Havana', 'Caracas',
  'Bogota', 'Lima', 'Santiago', 'Buenos Aires', 'Sao Paulo', 'São Paulo', 'Rio de Janeiro', 'Brasilia',
];

/** Places named without a head word: countries, regions, states and provinces, major cities. */
export const knownPlaces: ReadonlySet<string> = new Set([...countryNames, ...regionNames]);

/** Nationality and demonym adjectives ("Afghan", "Saudi", "South Korean"), in the case they are written. */
export const nationalities: ReadonlySet<string> = new Set([
  ...Object.values((nationalityData as { nationalities: Record<string, string> }).nationalities)
    .map((name) => name.replace(/\s*\(.*\)$/u, ''))
    .filter((name) => /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?$/u.test(name) && !countryNames.has(name)),
  'Arab', 'European', 'African', 'Asian', 'Kurdish', 'Palestinian', 'Emirati', 'Argentine', 'Yemeni', 'English',
  'Scottish', 'Welsh', 'Western', 'Eastern', 'Latin', 'Pakistani', 'Soviet', 'Persian', 'Iraqi', 'Israeli',
]);

/**
 * Titles and roles written before a name ("President", "Dr.", "coach"): split off the name, and proof that the
 * name after them is a person.
 */
export const personTitles: ReadonlySet<string> = lowerSet([
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord',
  'Lady', 'President', 'Vice', 'Prime', 'Minister', 'Secretary', 'Chancellor', 'Premier', 'Senator', 'Sen.',
  'Representative', 'Rep.', 'Congressman', 'Congresswoman', 'Governor', 'Gov.', 'Mayor', 'Ambassador', 'Envoy',
  'King', 'Queen', 'Prince', 'Princess', 'Emperor', 'Sheikh', 'Pope', 'Cardinal', 'Bishop', 'Archbishop',
  'Reverend', 'Rev.', 'Father', 'Imam', 'Rabbi', 'Judge', 'Justice', 'General', 'Gen.', 'Colonel', 'Col.', 'Major',
  'Maj.', 'Captain', 'Capt.', 'Lieutenant', 'Lt.', 'Sergeant', 'Sgt.', 'Commander', 'Admiral', 'Marshal',
  'Corporal', 'Private', 'Officer', 'Detective', 'Inspector', 'Chief', 'Director', 'Chairman', 'Chairwoman',
  'Chair', 'CEO', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Coach', 'Captain', 'Striker', 'Midfielder',
  'Defender', 'Goalkeeper', 'Forward', 'Player', 'Manager', 'Editor', 'Correspondent', 'Reporter', 'Founder',
  'Leader', 'Emeritus', 'Associate', 'Assistant', 'Deputy', 'Acting', 'Former', 'Senior', 'Junior', 'Shadow',
  'Foreign', 'Defence', 'Defense', 'Interior', 'Home', 'Health', 'Finance', 'Justice', 'Attorney', 'Advocate',
  'Barrister', 'Lawyer', 'Researcher', 'Scientist', 'Doctor', 'Nurse', 'Administrator', 'Commissioner', 'Speaker',
  'Councillor', 'Councilor', 'Superintendent', 'Constable', 'Agent', 'Activist', 'Campaigner', 'Author',
  'Artist', 'Singer', 'Actor', 'Actress', 'Team', 'Member', 'Elder', 'Brother', 'Sister', 'Saint', 'St.',
  'Crown', 'Prosecutor', 'Sheriff', 'Mufti', 'Ayatollah', 'Grand', 'Supreme', 'Head', 'Officials', 'Official',
  'Engineer', 'Teacher', 'Farmer', 'Pilot', 'Photographer', 'Economist', 'Analyst', 'Historian', 'Architect',
  'Chef', 'Musician', 'Writer', 'Poet', 'Composer', 'Novelist', 'Diplomat', 'Negotiator', 'Physician', 'Surgeon', 'Nurse', 'Trader',
  'Painter', 'Sculptor', 'Designer', 'Filmmaker', 'Producer', 'Dancer', 'Comedian', 'Rapper', 'Presenter', 'Anchor',
  'Pastor', 'Cleric', 'Coroner', 'Warden', 'Lecturer', 'Curator', 'Economist', 'Entrepreneur',
]);

/**
 * Words that end a title rather than begin a name: "Prime Minister", "Foreign Secretary". A title run must
 * end in one of these (or be a title word on its own) for the name after it to be split off.
 */
export const titleHeads: ReadonlySet<string> = lowerSet([
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord',
  'Lady', 'President', 'Minister', 'Secretary', 'Chancellor', 'Premier', 'Senator', 'Sen.', 'Representative',
  'Rep.', 'Congressman', 'Congresswoman', 'Governor', 'Gov.', 'Mayor', 'Ambassador', 'Envoy', 'King', 'Queen',
  'Prince', 'Princess', 'Emperor', 'Sheikh', 'Pope', 'Cardinal', 'Bishop', 'Archbishop', 'Reverend', 'Rev.',
  'Imam', 'Rabbi', 'Judge', 'Justice', 'General', 'Gen.', 'Colonel', 'Col.', 'Major', 'Maj.', 'Captain',
  'Capt.', 'Lieutenant', 'Lt.', 'Sergeant', 'Sgt.', 'Commander', 'Admiral', 'Marshal', 'Corporal', 'Officer',
  'Detective', 'Inspector', 'Director', 'Chairman', 'Chairwoman', 'CEO', 'Spokesman', 'Spokeswoman',
  'Spokesperson', 'Coach', 'Striker', 'Midfielder', 'Defender', 'Goalkeeper', 'Manager', 'Editor',
  'Correspondent', 'Reporter', 'Founder', 'Leader', 'Attorney', 'Barrister', 'Lawyer', 'Researcher',
  'Scientist', 'Doctor', 'Administrator', 'Commissioner', 'Speaker', 'Councillor', 'Councilor',
  'Superintendent', 'Constable', 'Agent', 'Activist', 'Campaigner', 'Author', 'Artist', 'Singer', 'Actor',
  'Actress', 'Member', 'Prosecutor', 'Sheriff', 'Mufti', 'Ayatollah', 'Official', 'QC',
  'Engineer', 'Teacher', 'Farmer', 'Pilot', 'Photographer', 'Economist', 'Analyst', 'Historian', 'Architect',
  'Chef', 'Musician', 'Writer', 'Poet', 'Composer', 'Novelist', 'Diplomat', 'Negotiator', 'Physician', 'Surgeon', 'Nurse', 'Trader',
  'Painter', 'Sculptor', 'Designer', 'Filmmaker', 'Producer', 'Dancer', 'Comedian', 'Rapper', 'Presenter', 'Anchor',
  'Pastor', 'Cleric', 'Coroner', 'Warden', 'Lecturer', 'Curator', 'Economist', 'Entrepreneur',
]);

/** Last words that make a name an organisation: "Ministry", "University", "Party", "News". */
export const organisationHeads: ReadonlySet<string> = lowerSet([
  'Ministry', 'Department', 'Office', 'Agency', 'Authority', 'Administration', 'Commission', 'Committee',
  'Council', 'Board', 'Bureau', 'Service', 'Services', 'Government', 'Parliament', 'Congress', 'Senate',
  'Assembly', 'Court', 'Tribunal', 'Police', 'Army', 'Navy', 'Force', 'Forces', 'Guard', 'Corps', 'Command',
  'Brigade', 'Regiment', 'Legion', 'Militia', 'Party', 'Front', 'Movement', 'Alliance', 'Coalition', 'Union',
  'League', 'Federation', 'Confederation', 'Association', 'Society', 'Institute', 'Institution', 'Foundation',
  'Trust', 'Fund', 'Charity', 'Organisation', 'Organization', 'Group', 'Network', 'Club', 'Team',
  'University', 'College', 'School', 'Academy', 'Laboratory', 'Laboratories', 'Bank', 'Company', 'Corporation',
  'Corp', 'Corp.', 'Inc', 'Inc.', 'Ltd', 'Ltd.', 'LLC', 'plc', 'Co', 'Co.', 'Holdings', 'Industries', 'Airlines',
  'Airways', 'Motors', 'Systems', 'Technologies', 'Partners', 'Media', 'News', 'Times', 'Post', 'Herald',
  'Gazette', 'Journal', 'Tribune', 'Telegraph', 'Guardian', 'Observer', 'Independent', 'Magazine', 'Weekly',
  'Daily', 'Press', 'Radio', 'Television', 'TV', 'Channel', 'Broadcasting', 'Network', 'Agency', 'Church',
  'Red Cross', 'Crescent', 'Secretariat', 'Cabinet', 'Caucus', 'Delegation', 'Mission', 'Embassy', 'Consulate',
  'Cooperative', 'Studios', 'Records', 'Entertainment', 'Project',
  'Programme', 'Program', 'Initiative', 'Campaign', 'Observatory', 'Monitor', 'Watch', 'Reserve', 'Exchange',
  'Group', 'Unit', 'Division', 'Directorate', 'Inspectorate', 'Taskforce', 'Nations', 'Cross',
]);

/** First words that make a name an organisation when "of" follows: "University of", "Ministry of". */
export const organisationOpeners: ReadonlySet<string> = lowerSet([
  'Ministry', 'Department', 'Office', 'University', 'Bank', 'Institute', 'Council', 'Board', 'Commission',
  'Committee', 'Federation', 'Association', 'Society', 'Academy', 'College', 'School', 'League', 'Union', 'Court',
  'Church', 'House', 'Party', 'Organisation', 'Organization', 'Agency', 'Secretary', 'Daughters', 'Sons',
  'Friends', 'Bureau', 'Chamber', 'Coalition', 'Army', 'Order', 'Food', 'Doctors',
  // Transliterated Arabic words that open the names of armed and political groups: army, free men, legion, body,
  // movement, front, brigade, battalions, party, supporters, companies, soldiers, congregation, council.
  'Jaish', 'Ahrar', 'Failaq', 'Faylaq', 'Hayat', 'Hayaat', 'Harakat', 'Jabhat', 'Liwa', 'Kataib', 'Hizb', 'Ansar',
  'Saraya', 'Jund', 'Jamaat', 'Majlis', 'Tanzim',
]);

/** Last words that make a name a place: "Province", "River", "Airport", "Stadium". */
export const placeHeads: ReadonlySet<string> = lowerSet([
  'Province', 'County', 'District', 'Region', 'Governorate', 'Prefecture', 'Territory', 'Territories', 'State',
  'Oblast', 'Republic', 'Kingdom', 'Emirate', 'City', 'Town', 'Village', 'Valley', 'River', 'Lake', 'Sea',
  'Ocean', 'Gulf', 'Bay', 'Strait', 'Straits', 'Canal', 'Island', 'Islands', 'Peninsula', 'Coast', 'Desert',
  'Mountain', 'Mountains', 'Mount', 'Hills', 'Hill', 'Plain', 'Plains', 'Forest', 'Park', 'Square', 'Street',
  'St', 'Avenue', 'Road', 'Boulevard', 'Highway', 'Bridge', 'Airport', 'Port', 'Harbour', 'Harbor', 'Station',
  'Stadium', 'Arena', 'Hall', 'Center', 'Centre', 'Museum', 'Gallery', 'Palace', 'Castle', 'Tower', 'Towers',
  'Building', 'Hotel', 'Mosque', 'Cathedral', 'Temple', 'Hospital', 'Prison', 'Camp', 'Base', 'Field',
  'Crossing', 'Border', 'Checkpoint', 'Quarter', 'Neighbourhood', 'Neighborhood', 'Falls', 'Beach', 'Planetarium',
  'Springs', 'Heights', 'Facility', 'Complex', 'Pier', 'Dam', 'Canyon', 'Glacier', 'Volcano', 'Reef', 'Harbour',
]);

/** First words that make a name a place when "of" follows: "Gulf of", "Bay of", "Isle of". */
export const placeOpeners: ReadonlySet<string> = lowerSet([
  'Gulf', 'Bay', 'Isle', 'Island', 'Islands', 'Strait', 'Sea', 'Lake', 'Cape', 'Mount', 'Province', 'State',
  'City', 'Republic', 'Kingdom', 'Plains', 'Port', 'Museum', 'Valley', 'Cathedral', 'Church', 'Palace', 'Tower',
  // River, mountain, saint and town in Portuguese and Spanish place names: "Rio Grande do Sul", "Sierra de Gredos".
  'Rio', 'Río', 'Sierra', 'Serra', 'Monte', 'Vila', 'Villa', 'Ciudad', 'Puerto', 'Porto', 'Sao', 'São', 'Santo',
]);

/** Words that start a place name on their own: "Mount Everest", "Lake Chad", "Fort Worth". */
export const placePrefixes: ReadonlySet<string> = lowerSet(['Mount', 'Mt', 'Mt.', 'Lake', 'Fort', 'Port', 'Cape', 'San', 'Santa', 'Saint', 'New', 'North', 'South', 'East', 'West']);

/** Words whose capitalised form at a sentence start is not a name ("The", "In", "But"). */
export const sentenceStarters: ReadonlySet<string> = lowerSet([
  'The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'Or', 'So', 'If', 'When', 'While', 'After', 'Before', 'As',
  'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Their', 'Our',
  'Its', 'My', 'Your', 'There', 'Here', 'However', 'Meanwhile', 'Also', 'Yet', 'For', 'From', 'With', 'By', 'To',
  'Of', 'Since', 'Despite', 'Although', 'Though', 'Because', 'Some', 'Many', 'Most', 'All', 'No', 'Not', 'One',
  'Two', 'Three', 'Other', 'Another', 'Such', 'What', 'Who', 'Which', 'Where', 'Why', 'How', 'According',
  'Officials', 'Police', 'Yesterday', 'Today', 'Tomorrow', 'Earlier', 'Later', 'Now', 'Then', 'Each', 'Every',
  'Both', 'Neither', 'Either', 'Several', 'Few', 'Once', 'Under', 'Over', 'About', 'During', 'Until', 'Among',
  'Between', 'Without', 'Within', 'Against', 'Following', 'Speaking', 'Asked', 'Last', 'Next', 'First',
  'Allegedly', 'Reportedly', 'Only', 'Even', 'Still', 'Instead', 'Thus', 'Moreover', 'Furthermore', 'Therefore',
  'Mr', 'Mrs', 'Ms', 'Dr', 'Image', 'Photo', 'Source', 'Sources', 'Related', 'Note', 'Update', 'Read', 'See',
]);

/** Month and weekday names: written in capitals but dates, which the figure rules tag. */
export const calendarWords: ReadonlySet<string> = lowerSet([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Monday',
  'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

/** Words that join two parts of a name only after an organisation or place head ("University of Chicago"). */
export const nameJoiners: ReadonlySet<string> = new Set(['of', 'for', 'al', 'de', 'del', 'da', 'do', 'dos', 'das', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'bin', 'ibn', 'and', '&', 'the', 'on']);

/** Particles inside personal names ("Ludwig van Beethoven", "Osama bin Laden"). */
export const nameParticles: ReadonlySet<string> = new Set(['al', 'de', 'del', 'da', 'do', 'di', 'du', 'van', 'von', 'der', 'bin', 'ibn', 'le', 'la', 'ben', 'abu', 'el', 'dos', 'das']);

/** Pronouns that stand for a person as the subject of a speech verb. */
export const personPronouns: ReadonlySet<string> = new Set(['he', 'she']);

/** Last words that make a name an event: "World Cup", "Olympics", "Expo". */
export const eventHeads: ReadonlySet<string> = lowerSet([
  'Cup', 'Olympics', 'Games', 'Championship', 'Championships', 'Tournament', 'War', 'Revolution', 'Festival',
  'Expo', 'Election', 'Elections', 'Day', 'Week', 'Marathon', 'Grand Prix', 'Open', 'Awards', 'Prize', 'Crisis',
  'Uprising', 'Massacre', 'Attack', 'Attacks', 'Olympiad', 'Series', 'Fair', 'Show', 'Carnival', 'Challenge',
]);

/** Prepositions after which a lone name is most often a place: "in Herat", "from Kabul". */
export const placePrepositions: ReadonlySet<string> = new Set(['in', 'near', 'across', 'throughout', 'outside', 'towards', 'toward', 'around', 'via']);

/** Acronyms that are not organisations: post-nominals, units, common technical and medical terms. */
export const commonAcronyms: ReadonlySet<string> = new Set([
  'QC', 'KC', 'SC', 'MP', 'MEP', 'OBE', 'CBE', 'MBE', 'KBE', 'PhD', 'MD', 'CEO', 'CFO', 'COO', 'CTO', 'VIP', 'IQ', 'TV',
  'OK', 'AM', 'PM', 'GMT', 'UTC', 'BST', 'EST', 'PST', 'HTML', 'PDF', 'URL', 'PC', 'USB', 'GPS', 'DNA', 'RNA', 'HIV',
  'AIDS', 'GDP', 'GNP', 'CPI', 'VAT', 'COVID', 'SARS', 'MERS', 'ICU', 'ER', 'ID', 'PR', 'HR', 'IT', 'AI', 'VR', 'AR',
  'FAQ', 'DIY', 'ASAP', 'BC', 'AD', 'CE', 'BCE', 'RIP', 'PS', 'NB', 'UFO', 'LGBT', 'LGBTQ', 'SUV', 'CCTV', 'MRI',
]);
