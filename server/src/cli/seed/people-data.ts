/**
 * Names and places for demo patients: a hospital in West Yorkshire. Names come in groups by origin so that
 * a patient's given and family names belong together; the weights roughly follow the region's population.
 */
export interface NameGroup {
  readonly weight: number;
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly family: readonly string[];
}

export const NAME_GROUPS: readonly NameGroup[] = [
  {
    weight: 62,
    female: ['Olivia', 'Amelia', 'Grace', 'Freya', 'Sophie', 'Emily', 'Charlotte', 'Hannah', 'Chloe', 'Lucy', 'Megan', 'Rebecca',
      'Sarah', 'Laura', 'Rachel', 'Claire', 'Helen', 'Susan', 'Margaret', 'Patricia', 'Janet', 'Carol', 'Joan', 'Beverley'],
    male: ['Oliver', 'George', 'Harry', 'Jack', 'Noah', 'Arthur', 'Thomas', 'James', 'William', 'Daniel', 'Samuel', 'Joseph',
      'Matthew', 'Andrew', 'David', 'Michael', 'Paul', 'Mark', 'Richard', 'Peter', 'John', 'Robert', 'Stephen', 'Keith'],
    family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Johnson', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White',
      'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Jackson', 'Wood', 'Turner', 'Cooper', 'Hill', 'Ward', 'Moore',
      'Baker', 'Harrison', 'Allen', 'Scott', 'Watson', 'Parker', 'Bennett', 'Mitchell', 'Shaw', 'Holmes', 'Atkinson', 'Barker'],
  },
  {
    weight: 9,
    female: ['Niamh', 'Siobhan', 'Aoife', 'Ciara', 'Rhiannon', 'Eilidh', 'Catriona', 'Bethan'],
    male: ['Declan', 'Callum', 'Rhys', 'Hamish', 'Ciaran', 'Owen', 'Fraser', 'Dylan'],
    family: ['Murphy', "O'Brien", 'Kelly', 'Byrne', 'MacDonald', 'Campbell', 'Stewart', 'Davies', 'Evans', 'Griffiths', 'Morgan'],
  },
  {
    weight: 14,
    female: ['Aisha', 'Fatima', 'Priya', 'Ananya', 'Zainab', 'Maryam', 'Sana', 'Nadia', 'Simran', 'Amira'],
    male: ['Mohammed', 'Omar', 'Yusuf', 'Arjun', 'Rohan', 'Imran', 'Bilal', 'Hassan', 'Ravi', 'Zain'],
    family: ['Khan', 'Ahmed', 'Ali', 'Hussain', 'Akhtar', 'Mahmood', 'Patel', 'Singh', 'Kaur', 'Sharma', 'Iqbal', 'Rashid'],
  },
  {
    weight: 5,
    female: ['Agnieszka', 'Zofia', 'Katarzyna', 'Magdalena', 'Joanna'],
    male: ['Piotr', 'Tomasz', 'Krzysztof', 'Marek', 'Pawel'],
    family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski'],
  },
  {
    weight: 6,
    female: ['Chiamaka', 'Ngozi', 'Adaeze', 'Abena', 'Folake', 'Precious'],
    male: ['Chinedu', 'Tunde', 'Kwame', 'Emeka', 'Kofi', 'Oluwaseun'],
    family: ['Okafor', 'Adeyemi', 'Mensah', 'Okonkwo', 'Boateng', 'Adebayo', 'Owusu'],
  },
  {
    weight: 4,
    female: ['Mei', 'Li Na', 'Xiu', 'Linh', 'Hui'],
    male: ['Wei', 'Jun', 'Hao', 'Minh', 'Kai'],
    family: ['Chen', 'Wong', 'Li', 'Zhang', 'Nguyen', 'Liu'],
  },
];

export const STREETS: readonly string[] = [
  'Station Road', 'Church Lane', 'Victoria Street', 'Mill Lane', 'Park Avenue', 'Queens Road', 'The Crescent', 'Orchard Close',
  'Kings Road', 'High Street', 'Manor Way', 'Chapel Street', 'Willow Drive', 'Meadow View', 'Brook Street', 'Albert Terrace',
  'Granville Road', 'Hawthorn Avenue', "St Mary's Walk", 'Elm Grove', 'Moorland Road', 'Beech Tree Lane', 'Cardigan Road',
];

/** Towns near the hospital, each with its postcode area. */
export const TOWNS: readonly (readonly [town: string, postcodeArea: string])[] = [
  ['Leeds', 'LS'], ['Bradford', 'BD'], ['Wakefield', 'WF'], ['Huddersfield', 'HD'], ['Halifax', 'HX'], ['Harrogate', 'HG'],
  ['York', 'YO'], ['Dewsbury', 'WF'], ['Keighley', 'BD'], ['Otley', 'LS'], ['Pudsey', 'LS'], ['Castleford', 'WF'],
];

/** UK frequencies, in percent. */
export const BLOOD_GROUPS: readonly (readonly [string, number])[] = [
  ['O+', 35], ['A+', 30], ['B+', 8], ['AB+', 2], ['O-', 13], ['A-', 8], ['B-', 2], ['AB-', 1],
];
