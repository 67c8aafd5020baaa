// The demo hospital's fixed content: departments, doctors, names, conditions. Plain data only;
// demo-seed.ts turns it into rows. Doctor names carry no "Dr." (the client adds it).

export interface DemoMedicine { name: string; dose: string | null; frequency: string | null; duration: string | null; instructions: string | null }

export interface DemoCondition {
  icd: string;
  diagnosis: string;
  reason: string;
  medicines: DemoMedicine[];
  tests: string | null;
  precautions: string | null;
  patientNotes: string;
  notes: string;
  followUpDays: number | null;
}

export interface DemoDepartment {
  name: string;
  description: string;
  specializations: string[];
  conditions: DemoCondition[];
}

const med = (name: string, dose: string | null, frequency: string | null, duration: string | null, instructions: string | null = null): DemoMedicine =>
  ({ name, dose, frequency, duration, instructions });

export const DEPARTMENTS: DemoDepartment[] = [
  {
    name: 'General Medicine',
    description: 'First visits, fevers, diabetes and blood pressure care for adults.',
    specializations: ['Internal medicine', 'Family medicine', 'Diabetology'],
    conditions: [
      { icd: 'J06.9', diagnosis: 'Acute upper respiratory infection', reason: 'Fever and sore throat for three days',
        medicines: [med('Paracetamol', '650 mg', 'every 6 hours if fever', '5 days', 'after meals'), med('Cetirizine', '10 mg', 'once at night', '5 days')],
        tests: null, precautions: 'Rest, warm fluids, steam inhalation', patientNotes: 'Drink plenty of fluids; come back if the fever lasts beyond 5 days.',
        notes: 'Throat congested, no exudate. Chest clear.', followUpDays: null },
      { icd: 'E11.9', diagnosis: 'Type 2 diabetes mellitus without complications', reason: 'Sugar levels review',
        medicines: [med('Metformin', '500 mg', 'twice a day', '3 months', 'with meals')],
        tests: 'HbA1c, fasting blood sugar, lipid profile', precautions: 'Low-sugar diet, 30 minutes of walking daily',
        patientNotes: 'Check fasting sugar twice a week and bring the readings next time.', notes: 'HbA1c 7.8 %. Counselled on diet. Consider adding a DPP-4 inhibitor if no better.', followUpDays: 30 },
      { icd: 'I10', diagnosis: 'Essential (primary) hypertension', reason: 'High blood pressure at a pharmacy check',
        medicines: [med('Amlodipine', '5 mg', 'once a day', '1 month', 'in the morning')],
        tests: 'Serum creatinine, ECG', precautions: 'Less salt, no smoking', patientNotes: 'Take the tablet every morning, even when you feel well.',
        notes: 'BP 152/96 on two readings. No target-organ signs.', followUpDays: 28 },
      { icd: 'A09', diagnosis: 'Infectious gastroenteritis and colitis', reason: 'Loose stools and vomiting since yesterday',
        medicines: [med('Oral rehydration salts', '1 sachet', 'after each loose stool', '3 days'), med('Ondansetron', '4 mg', 'twice a day if vomiting', '2 days')],
        tests: 'Stool routine', precautions: 'Boiled water, light meals', patientNotes: 'Sip ORS often. Come back at once if you cannot keep fluids down.',
        notes: 'Mild dehydration. Abdomen soft.', followUpDays: null },
      { icd: 'D50.9', diagnosis: 'Iron deficiency anaemia', reason: 'Tiredness and breathlessness on stairs',
        medicines: [med('Ferrous sulphate', '200 mg', 'once a day', '3 months', 'with orange juice, not with tea')],
        tests: 'Complete blood count, serum ferritin', precautions: 'Iron-rich food: greens, lentils, jaggery', patientNotes: 'The tablets may darken your stools; that is expected.',
        notes: 'Hb 9.4 g/dL, microcytic picture.', followUpDays: 42 },
    ],
  },
  {
    name: 'Cardiology',
    description: 'Heart rhythm, chest pain and heart failure clinics.',
    specializations: ['Interventional cardiology', 'Electrophysiology', 'Heart failure'],
    conditions: [
      { icd: 'I20.9', diagnosis: 'Angina pectoris, unspecified', reason: 'Chest tightness when walking fast',
        medicines: [med('Aspirin', '75 mg', 'once a day', '3 months', 'after lunch'), med('Atorvastatin', '40 mg', 'once at night', '3 months')],
        tests: 'ECG, treadmill test, lipid profile', precautions: 'Stop exertion if pain starts; no smoking', patientNotes: 'If chest pain lasts more than 10 minutes, call an ambulance.',
        notes: 'Typical exertional angina. TMT booked.', followUpDays: 14 },
      { icd: 'I48.91', diagnosis: 'Unspecified atrial fibrillation', reason: 'Fluttering in the chest',
        medicines: [med('Metoprolol', '25 mg', 'twice a day', '1 month'), med('Apixaban', '5 mg', 'twice a day', '1 month')],
        tests: 'Echocardiogram, thyroid function', precautions: 'Avoid excess caffeine and alcohol', patientNotes: 'Never skip the blood thinner; tell any dentist you take it.',
        notes: 'CHA2DS2-VASc 3. Rate control started.', followUpDays: 21 },
      { icd: 'I50.9', diagnosis: 'Heart failure, unspecified', reason: 'Swollen feet and breathlessness at night',
        medicines: [med('Furosemide', '40 mg', 'once in the morning', '1 month'), med('Ramipril', '2.5 mg', 'once a day', '1 month')],
        tests: 'Echocardiogram, NT-proBNP, electrolytes', precautions: 'Weigh daily; limit fluids to 1.5 litres', patientNotes: 'Weigh yourself every morning; call us if you gain 2 kg in 3 days.',
        notes: 'NYHA II-III, bibasal crackles.', followUpDays: 14 },
      { icd: 'E78.5', diagnosis: 'Hyperlipidaemia, unspecified', reason: 'High cholesterol on a health check',
        medicines: [med('Rosuvastatin', '10 mg', 'once at night', '3 months')],
        tests: 'Lipid profile, liver function', precautions: 'Less fried food, more fibre', patientNotes: 'Repeat the cholesterol test in 3 months.',
        notes: 'LDL 168 mg/dL. 10-year risk moderate.', followUpDays: 90 },
    ],
  },
  {
    name: 'Paediatrics',
    description: 'Children from birth to 16: check-ups, vaccinations and illness.',
    specializations: ['General paediatrics', 'Neonatology', 'Paediatric allergy'],
    conditions: [
      { icd: 'J02.9', diagnosis: 'Acute pharyngitis, unspecified', reason: 'Sore throat and fever',
        medicines: [med('Paracetamol syrup', '15 mg/kg', 'every 6 hours if fever', '3 days')],
        tests: null, precautions: 'Warm fluids, rest at home', patientNotes: 'Keep your child home from school until the fever has gone for a day.',
        notes: 'Tonsils enlarged, no exudate. Viral likely.', followUpDays: null },
      { icd: 'H66.90', diagnosis: 'Otitis media, unspecified', reason: 'Ear pain and crying at night',
        medicines: [med('Amoxicillin syrup', '40 mg/kg/day', 'in three doses', '7 days', 'finish the course'), med('Ibuprofen syrup', '5 mg/kg', 'every 8 hours if pain', '3 days', 'after food')],
        tests: null, precautions: 'No water in the ear', patientNotes: 'Give the full antibiotic course even when the pain stops.',
        notes: 'Right TM bulging, red.', followUpDays: 10 },
      { icd: 'J45.909', diagnosis: 'Unspecified asthma, uncomplicated', reason: 'Wheezing after play',
        medicines: [med('Salbutamol inhaler', '100 mcg', '2 puffs when wheezy', 'as needed', 'with a spacer')],
        tests: 'Peak flow diary', precautions: 'Avoid smoke and dust', patientNotes: 'Use the spacer every time; write down each use in the diary.',
        notes: 'Mild intermittent. Inhaler technique taught.', followUpDays: 30 },
      { icd: 'L20.9', diagnosis: 'Atopic dermatitis, unspecified', reason: 'Itchy dry patches on the arms',
        medicines: [med('Emollient cream', null, 'three times a day', '1 month'), med('Hydrocortisone 1 % cream', null, 'twice a day on red patches', '7 days')],
        tests: null, precautions: 'Cotton clothes, short lukewarm baths', patientNotes: 'Moisturise straight after the bath.',
        notes: 'Flexural eczema, no infection.', followUpDays: 28 },
    ],
  },
  {
    name: 'Orthopaedics',
    description: 'Bones, joints and sports injuries.',
    specializations: ['Joint replacement', 'Sports medicine', 'Spine'],
    conditions: [
      { icd: 'M54.50', diagnosis: 'Low back pain, unspecified', reason: 'Back pain after lifting',
        medicines: [med('Diclofenac', '50 mg', 'twice a day', '5 days', 'after meals'), med('Thiocolchicoside', '4 mg', 'twice a day', '5 days')],
        tests: null, precautions: 'Avoid bending and lifting for two weeks', patientNotes: 'Gentle walking helps; physiotherapy exercises sheet given.',
        notes: 'No red flags. SLR negative.', followUpDays: 14 },
      { icd: 'M17.11', diagnosis: 'Unilateral primary osteoarthritis, right knee', reason: 'Knee pain on climbing stairs',
        medicines: [med('Paracetamol', '1 g', 'three times a day', '2 weeks'), med('Glucosamine', '1500 mg', 'once a day', '3 months')],
        tests: 'X-ray both knees standing', precautions: 'Lose weight, quadriceps exercises', patientNotes: 'Do the knee exercises twice a day.',
        notes: 'Crepitus, medial joint line tenderness. KL grade 2 expected.', followUpDays: 42 },
      { icd: 'S93.401A', diagnosis: 'Sprain of unspecified ligament of right ankle, initial encounter', reason: 'Twisted ankle playing football',
        medicines: [med('Ibuprofen', '400 mg', 'three times a day', '5 days', 'after food')],
        tests: 'X-ray ankle', precautions: 'Rest, ice, compression, elevation', patientNotes: 'Keep the foot raised and use the crepe bandage for a week.',
        notes: 'ATFL tender, no bony tenderness (Ottawa negative).', followUpDays: 10 },
    ],
  },
  {
    name: 'Dermatology',
    description: 'Skin, hair and nails.',
    specializations: ['Clinical dermatology', 'Cosmetic dermatology'],
    conditions: [
      { icd: 'L70.0', diagnosis: 'Acne vulgaris', reason: 'Pimples on the face for months',
        medicines: [med('Adapalene 0.1 % gel', null, 'once at night', '3 months', 'pea-sized amount'), med('Benzoyl peroxide 2.5 % wash', null, 'twice a day', '3 months')],
        tests: null, precautions: 'Do not squeeze; oil-free sunscreen', patientNotes: 'It takes 6-8 weeks to see the effect; keep going.',
        notes: 'Comedonal and mild papular acne.', followUpDays: 56 },
      { icd: 'B35.4', diagnosis: 'Tinea corporis', reason: 'Itchy ring-shaped rash',
        medicines: [med('Clotrimazole 1 % cream', null, 'twice a day', '4 weeks', 'continue 2 weeks after it clears'), med('Cetirizine', '10 mg', 'once at night', '2 weeks')],
        tests: null, precautions: 'Keep skin dry, wash clothes in hot water', patientNotes: 'Do not share towels until the rash has gone.',
        notes: 'Annular plaque with active border, KOH not needed.', followUpDays: 28 },
      { icd: 'L50.9', diagnosis: 'Urticaria, unspecified', reason: 'Hives after eating seafood',
        medicines: [med('Fexofenadine', '180 mg', 'once a day', '2 weeks')],
        tests: 'Complete blood count', precautions: 'Avoid the suspected food', patientNotes: 'Write down what you ate before each episode.',
        notes: 'Acute urticaria, no angioedema.', followUpDays: null },
    ],
  },
  {
    name: 'Obstetrics & Gynaecology',
    description: 'Pregnancy care, women\'s health and family planning.',
    specializations: ['Obstetrics', 'Gynaecology', 'Reproductive medicine'],
    conditions: [
      { icd: 'Z34.00', diagnosis: 'Supervision of normal first pregnancy, unspecified trimester', reason: 'Antenatal check-up',
        medicines: [med('Folic acid', '5 mg', 'once a day', '3 months'), med('Calcium with vitamin D3', '500 mg', 'twice a day', '3 months', 'after meals')],
        tests: 'Blood group, CBC, thyroid, ultrasound', precautions: 'Balanced diet, no alcohol or smoking', patientNotes: 'Come at once for bleeding, severe pain or reduced movements.',
        notes: 'Uneventful. Fundal height matches dates.', followUpDays: 28 },
      { icd: 'N94.6', diagnosis: 'Dysmenorrhoea, unspecified', reason: 'Painful periods',
        medicines: [med('Mefenamic acid', '500 mg', 'three times a day during periods', '3 days', 'after food')],
        tests: 'Pelvic ultrasound', precautions: 'Warm compress, regular exercise', patientNotes: 'Start the tablet at the first sign of pain.',
        notes: 'Primary dysmenorrhoea likely; scan to exclude endometrioma.', followUpDays: 60 },
      { icd: 'N39.0', diagnosis: 'Urinary tract infection, site not specified', reason: 'Burning on passing urine',
        medicines: [med('Nitrofurantoin', '100 mg', 'twice a day', '5 days', 'with food')],
        tests: 'Urine routine and culture', precautions: 'Drink 2-3 litres of water a day', patientNotes: 'Finish all the tablets; come back if you get fever or back pain.',
        notes: 'Uncomplicated cystitis. Not pregnant (UPT negative).', followUpDays: null },
    ],
  },
];

/** 20 doctors: [full name, gender, department index]. */
export const DOCTORS: Array<[string, 'Female' | 'Male', number]> = [
  ['Ananya Sharma', 'Female', 0], ['Vikram Mehta', 'Male', 0], ['Fatima Khan', 'Female', 0], ['James O\'Connor', 'Male', 0],
  ['Rahul Gupta', 'Male', 1], ['Meera Krishnan', 'Female', 1], ['Omar Haddad', 'Male', 1], ['Elena García', 'Female', 1],
  ['Priya Nair', 'Female', 2], ['Arjun Reddy', 'Male', 2], ['Sarah Thompson', 'Female', 2], ['Layla Al-Sayed', 'Female', 2],
  ['Sanjay Patel', 'Male', 3], ['Lucas Moreau', 'Male', 3], ['Imran Qureshi', 'Male', 3],
  ['Kavita Iyer', 'Female', 4], ['Rohan Verma', 'Male', 4], ['Nisha Banerjee', 'Female', 4],
  ['Deepa Menon', 'Female', 5], ['Yasmin Farouk', 'Female', 5],
];

/** Patient names by script: some Indian names in Devanagari, Arabic in Arabic script, the rest in Latin letters. */
export const INDIAN_FIRST = ['Aarav', 'Vivaan', 'Aditya', 'Ishaan', 'Kabir', 'Rohit', 'Suresh', 'Manoj', 'Ravi', 'Amit', 'Diya', 'Anika', 'Sneha',
  'Pooja', 'Lakshmi', 'Kavya', 'Neha', 'Sunita', 'Geeta', 'Riya', 'Harpreet', 'Gurpreet', 'Tanvi', 'Arnav', 'Siddharth'];
export const INDIAN_LAST = ['Sharma', 'Verma', 'Patel', 'Reddy', 'Iyer', 'Nair', 'Menon', 'Das', 'Bose', 'Chatterjee', 'Singh', 'Kaur', 'Joshi',
  'Kulkarni', 'Deshpande', 'Rao', 'Pillai', 'Mishra', 'Pandey', 'Agarwal'];
export const DEVANAGARI = ['अनिता देसाई', 'राहुल शर्मा', 'सुनीता वर्मा', 'अमित कुमार', 'प्रिया सिंह', 'विजय पाटिल', 'कविता जोशी', 'संजय गुप्ता',
  'मीना यादव', 'रमेश चौहान', 'पूजा मिश्रा', 'अर्जुन मेहता', 'लता मंगेशकर', 'दीपक तिवारी', 'नेहा अग्रवाल', 'सीमा राठौर', 'मनोज पांडे',
  'आरती कुलकर्णी', 'गोपाल नायर', 'शालिनी दुबे', 'राजेश खन्ना', 'उषा ठाकुर', 'किरण बेदी', 'सुरेश रैना', 'ज्योति सक्सेना'];
export const ARABIC = ['محمد الأحمد', 'فاطمة الزهراء', 'أحمد حسن', 'مريم خليل', 'علي منصور', 'نور الهدى', 'يوسف إبراهيم', 'سارة عبد الله',
  'خالد العمري', 'ليلى حداد', 'عمر فاروق', 'هدى سالم', 'حسن النجار', 'رنا القاسم', 'طارق عزيز'];
export const ARABIC_LATIN_FIRST = ['Mohammed', 'Fatima', 'Ahmed', 'Mariam', 'Ali', 'Noor', 'Youssef', 'Sara', 'Khalid', 'Layla', 'Omar', 'Huda'];
export const ARABIC_LATIN_LAST = ['Al-Ahmad', 'Hassan', 'Khalil', 'Mansour', 'Ibrahim', 'Abdullah', 'Al-Omari', 'Haddad', 'Farouk', 'Salem'];
export const LATIN_FIRST = ['Maria', 'John', 'Emma', 'Lucas', 'Sofia', 'Daniel', 'Anna', 'Pedro', 'Chloé', 'Mateo', 'Olga', 'Liam', 'Zoë', 'Tomás',
  'Ingrid', 'Noah', 'Aisha', 'Wei', 'Hana', 'Kofi'];
export const LATIN_LAST = ['Rossi', 'Smith', 'Müller', 'García', 'Silva', 'Kowalski', 'Dubois', 'Novak', 'Jensen', 'O\'Brien', 'Okafor', 'Nguyen',
  'Tanaka', 'Costa', 'Fernández', 'Lindqvist', 'Mensah', 'Chen'];

export const CITIES = ['Pune', 'Mumbai', 'Bengaluru', 'Chennai', 'Hyderabad', 'Delhi', 'Kolkata', 'Jaipur', 'Kochi', 'Lucknow'];
export const STREETS = ['MG Road', 'Station Road', 'Park Street', 'Lake View Lane', 'Temple Street', 'Gandhi Nagar', 'Nehru Colony', 'Hill Road'];
export const BLOOD_GROUPS = ['O+', 'O+', 'B+', 'B+', 'A+', 'A+', 'AB+', 'O-', 'B-', 'A-'];
export const ALLERGIES = ['Penicillin', 'Sulfa drugs', 'Peanuts', 'Dust mites', 'Latex', 'Shellfish'];
export const CANCEL_REASONS = ['Feeling better', 'Travelling that week', 'Clash with work', 'Booked another time by phone', 'Family emergency'];
export const PAYMENT_METHODS = ['CASH', 'CARD', 'CARD', 'ONLINE', 'INSURANCE'] as const;
