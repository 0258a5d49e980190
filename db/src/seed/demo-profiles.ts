import type { AvailabilitySlot, Category, SkillKey, SkillLevel } from '@board/shared';

/**
 * Structured volunteer profiles for demo accounts (by account key), so suggestions can be shown
 * with the demo: skills of the vocabulary with a level, areas, free slots, and whether they agreed
 * to be suggested to officers. volunteer3 and volunteer5 are left without one (a new volunteer).
 */
export interface DemoProfile {
  account: string;
  skills: { key: SkillKey; level: SkillLevel }[];
  interestCategories: Category[];
  municipalityCodes: string[];
  availabilitySlots: AvailabilitySlot[];
  languages: string[];
  onlineOk: boolean;
  hoursPerMonth: number | null;
  suggestable: boolean;
  bio: string;
}

export const demoProfiles: DemoProfile[] = [
  {
    account: 'volunteer1',
    skills: [
      { key: 'flyer_design', level: 'teach' },
      { key: 'photography', level: 'can' },
      { key: 'sns_posting', level: 'can' },
    ],
    interestCategories: ['design_flyers', 'photo_video'],
    municipalityCodes: ['13121', '13122'],
    availabilitySlots: ['sat-morning', 'sat-afternoon', 'sun-morning'],
    languages: ['ja'],
    onlineOk: true,
    hoursPerMonth: 6,
    suggestable: true,
    bio: 'デザイン事務所で働いています。Canva でのチラシ作りなら教えられます。',
  },
  {
    account: 'volunteer2',
    skills: [
      { key: 'translation_english', level: 'can' },
      { key: 'website_update', level: 'can' },
    ],
    interestCategories: ['translation', 'it_digital'],
    municipalityCodes: ['13104'],
    availabilitySlots: ['tue-evening', 'thu-evening', 'sat-afternoon'],
    languages: ['en', 'ja'],
    onlineOk: true,
    hoursPerMonth: 4,
    suggestable: true,
    bio: 'Web developer living in Shinjuku. Happy to translate notices into English.',
  },
  {
    account: 'volunteer4',
    skills: [
      { key: 'heavy_lifting', level: 'can' },
      { key: 'tent_setup', level: 'can' },
      { key: 'driving', level: 'can' },
    ],
    interestCategories: ['manual_labour', 'event_running'],
    municipalityCodes: ['13121'],
    availabilitySlots: ['sat-morning', 'sun-morning', 'sun-afternoon'],
    languages: ['ja'],
    onlineOk: false,
    hoursPerMonth: 8,
    suggestable: false,
    bio: '体力には自信があります。',
  },
  {
    account: 'officerOkubo',
    skills: [
      { key: 'spreadsheets', level: 'teach' },
      { key: 'accounting', level: 'can' },
    ],
    interestCategories: ['admin_accounting'],
    municipalityCodes: ['13104'],
    availabilitySlots: ['mon-evening', 'wed-evening'],
    languages: ['ja'],
    onlineOk: true,
    hoursPerMonth: 3,
    suggestable: true,
    bio: '',
  },
];
