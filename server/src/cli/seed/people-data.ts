/**
 * Names and places for demo patients: a hospital in West Yorkshire. Names come in groups by origin so that
 * a patient's given and family names belong together; the weights roughly follow the region's population.
 */
import type { BloodGroup } from '#shared/people';
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
    family: ['Nowak', 'Wójcik', 'Kowalczyk', 'Mazur', 'Krawczyk', 'Zając'],
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

/** Towns near the hospital, each with some of its postcode districts. */
export const TOWNS: readonly (readonly [town: string, districts: readonly string[]])[] = [
  ['Leeds', ['LS6', 'LS7', 'LS8', 'LS11', 'LS12', 'LS15', 'LS17']], ['Bradford', ['BD3', 'BD5', 'BD7', 'BD9', 'BD10']],
  ['Wakefield', ['WF1', 'WF2', 'WF4']], ['Huddersfield', ['HD1', 'HD2', 'HD5']], ['Halifax', ['HX1', 'HX3', 'HX6']],
  ['Harrogate', ['HG1', 'HG2']], ['York', ['YO10', 'YO24', 'YO31']], ['Dewsbury', ['WF12', 'WF13']], ['Keighley', ['BD20', 'BD21']],
  ['Otley', ['LS21']], ['Pudsey', ['LS28']], ['Castleford', ['WF10']],
];

/** UK frequencies, in percent. */
export const BLOOD_GROUPS: readonly (readonly [BloodGroup, number])[] = [
  ['O+', 35], ['A+', 30], ['B+', 8], ['AB+', 2], ['O-', 13], ['A-', 8], ['B-', 2], ['AB-', 1],
];
