// A small list of common ICD-10 codes with their WHO titles (ICD-10, 2019 edition), as plain facts: the codes a
// small hospital's outpatient clinics use most. One "code<TAB>title" a line.
export const ICD10_TSV = `A09	Other gastroenteritis and colitis of infectious and unspecified origin
A15.0	Tuberculosis of lung, confirmed by sputum microscopy with or without culture
A38	Scarlet fever
A46	Erysipelas
A49.9	Bacterial infection, unspecified
A63.0	Anogenital (venereal) warts
A69.2	Lyme disease
B00.1	Herpesviral vesicular dermatitis
B01.9	Varicella without complication
B02.9	Zoster without complication
B05.9	Measles without complication
B07	Viral warts
B08.4	Enteroviral vesicular stomatitis with exanthem
B09	Unspecified viral infection characterized by skin and mucous membrane lesions
B15.9	Hepatitis A without hepatic coma
B16.9	Acute hepatitis B without delta-agent and without hepatic coma
B18.1	Chronic viral hepatitis B without delta-agent
B18.2	Chronic viral hepatitis C
B20	Human immunodeficiency virus [HIV] disease resulting in infectious and parasitic diseases
B27.9	Infectious mononucleosis, unspecified
B34.9	Viral infection, unspecified
B35.1	Tinea unguium
B35.3	Tinea pedis
B35.4	Tinea corporis
B36.0	Pityriasis versicolor
B37.0	Candidal stomatitis
B37.3	Candidiasis of vulva and vagina
B50.9	Plasmodium falciparum malaria, unspecified
B54	Unspecified malaria
B80	Enterobiasis
B86	Scabies
B97.2	Coronavirus as the cause of diseases classified to other chapters
C18.9	Malignant neoplasm: Colon, unspecified
C34.9	Malignant neoplasm: Bronchus or lung, unspecified
C43.9	Malignant melanoma of skin, unspecified
C44.9	Malignant neoplasm of skin, unspecified
C50.9	Malignant neoplasm: Breast, unspecified
C61	Malignant neoplasm of prostate
C67.9	Malignant neoplasm: Bladder, unspecified
C73	Malignant neoplasm of thyroid gland
D17.9	Benign lipomatous neoplasm, unspecified
D22.9	Melanocytic naevi, unspecified
D25.9	Leiomyoma of uterus, unspecified
D50.9	Iron deficiency anaemia, unspecified
D51.9	Vitamin B12 deficiency anaemia, unspecified
D52.9	Folate deficiency anaemia, unspecified
D56.1	Beta thalassaemia
D57.1	Sickle-cell anaemia without crisis
D64.9	Anaemia, unspecified
D69.6	Thrombocytopenia, unspecified
E03.9	Hypothyroidism, unspecified
E04.9	Nontoxic goitre, unspecified
E05.9	Thyrotoxicosis, unspecified
E06.3	Autoimmune thyroiditis
E10.9	Type 1 diabetes mellitus without complications
E11.9	Type 2 diabetes mellitus without complications
E11.6	Type 2 diabetes mellitus with other specified complications
E11.4	Type 2 diabetes mellitus with neurological complications
E11.3	Type 2 diabetes mellitus with ophthalmic complications
E11.2	Type 2 diabetes mellitus with renal complications
E16.2	Hypoglycaemia, unspecified
E28.2	Polycystic ovarian syndrome
E55.9	Vitamin D deficiency, unspecified
E66.9	Obesity, unspecified
E78.0	Pure hypercholesterolaemia
E78.1	Pure hyperglyceridaemia
E78.2	Mixed hyperlipidaemia
E78.5	Hyperlipidaemia, unspecified
E79.0	Hyperuricaemia without signs of inflammatory arthritis and tophaceous disease
E86	Volume depletion
E87.1	Hypo-osmolality and hyponatraemia
E87.6	Hypokalaemia
F10.2	Mental and behavioural disorders due to use of alcohol: dependence syndrome
F17.2	Mental and behavioural disorders due to use of tobacco: dependence syndrome
F20.9	Schizophrenia, unspecified
F31.9	Bipolar affective disorder, unspecified
F32.0	Mild depressive episode
F32.1	Moderate depressive episode
F32.9	Depressive episode, unspecified
F33.9	Recurrent depressive disorder, unspecified
F40.1	Social phobias
F41.0	Panic disorder [episodic paroxysmal anxiety]
F41.1	Generalized anxiety disorder
F41.2	Mixed anxiety and depressive disorder
F41.9	Anxiety disorder, unspecified
F43.1	Post-traumatic stress disorder
F43.2	Adjustment disorders
F42.9	Obsessive-compulsive disorder, unspecified
F50.0	Anorexia nervosa
F51.0	Nonorganic insomnia
F90.0	Disturbance of activity and attention
F84.0	Childhood autism
G20	Parkinson disease
G30.9	Alzheimer disease, unspecified
G35	Multiple sclerosis
G40.9	Epilepsy, unspecified
G43.0	Migraine without aura [common migraine]
G43.1	Migraine with aura [classical migraine]
G43.9	Migraine, unspecified
G44.2	Tension-type headache
G47.3	Sleep apnoea
G51.0	Bell palsy
G56.0	Carpal tunnel syndrome
G62.9	Polyneuropathy, unspecified
H00.0	Hordeolum and other deep inflammation of eyelid
H01.0	Blepharitis
H10.9	Conjunctivitis, unspecified
H10.1	Acute atopic conjunctivitis
H25.9	Senile cataract, unspecified
H40.1	Primary open-angle glaucoma
H52.1	Myopia
H60.9	Otitis externa, unspecified
H61.2	Impacted cerumen
H65.9	Nonsuppurative otitis media, unspecified
H66.9	Otitis media, unspecified
H81.1	Benign paroxysmal vertigo
H91.9	Hearing loss, unspecified
H93.1	Tinnitus
I10	Essential (primary) hypertension
I11.9	Hypertensive heart disease without (congestive) heart failure
I20.0	Unstable angina
I20.9	Angina pectoris, unspecified
I21.9	Acute myocardial infarction, unspecified
I25.1	Atherosclerotic heart disease
I25.9	Chronic ischaemic heart disease, unspecified
I26.9	Pulmonary embolism without mention of acute cor pulmonale
I34.0	Mitral (valve) insufficiency
I35.0	Aortic (valve) stenosis
I42.0	Dilated cardiomyopathy
I48	Atrial fibrillation and flutter
I49.9	Cardiac arrhythmia, unspecified
I50.0	Congestive heart failure
I50.9	Heart failure, unspecified
I63.9	Cerebral infarction, unspecified
I64	Stroke, not specified as haemorrhage or infarction
I73.9	Peripheral vascular disease, unspecified
I80.2	Phlebitis and thrombophlebitis of other deep vessels of lower extremities
I83.9	Varicose veins of lower extremities without ulcer or inflammation
I84.9	Unspecified haemorrhoids without complication
I95.9	Hypotension, unspecified
J00	Acute nasopharyngitis [common cold]
J01.9	Acute sinusitis, unspecified
J02.0	Streptococcal pharyngitis
J02.9	Acute pharyngitis, unspecified
J03.9	Acute tonsillitis, unspecified
J04.0	Acute laryngitis
J05.0	Acute obstructive laryngitis [croup]
J06.9	Acute upper respiratory infection, unspecified
J09	Influenza due to identified zoonotic or pandemic influenza virus
J10.1	Influenza with other respiratory manifestations, seasonal influenza virus identified
J11.1	Influenza with other respiratory manifestations, virus not identified
J12.9	Viral pneumonia, unspecified
J15.9	Bacterial pneumonia, unspecified
J18.9	Pneumonia, unspecified
J20.9	Acute bronchitis, unspecified
J21.9	Acute bronchiolitis, unspecified
J30.1	Allergic rhinitis due to pollen
J30.4	Allergic rhinitis, unspecified
J31.0	Chronic rhinitis
J32.9	Chronic sinusitis, unspecified
J33.9	Nasal polyp, unspecified
J35.0	Chronic tonsillitis
J40	Bronchitis, not specified as acute or chronic
J42	Unspecified chronic bronchitis
J43.9	Emphysema, unspecified
J44.1	Chronic obstructive pulmonary disease with acute exacerbation, unspecified
J44.9	Chronic obstructive pulmonary disease, unspecified
J45.0	Predominantly allergic asthma
J45.9	Asthma, unspecified
J46	Status asthmaticus
J47	Bronchiectasis
J84.1	Other interstitial pulmonary diseases with fibrosis
J90	Pleural effusion, not elsewhere classified
J93.9	Pneumothorax, unspecified
K02.9	Dental caries, unspecified
K05.1	Chronic gingivitis
K12.0	Recurrent oral aphthae
K21.0	Gastro-oesophageal reflux disease with oesophagitis
K21.9	Gastro-oesophageal reflux disease without oesophagitis
K25.9	Gastric ulcer, unspecified as acute or chronic, without haemorrhage or perforation
K26.9	Duodenal ulcer, unspecified as acute or chronic, without haemorrhage or perforation
K29.7	Gastritis, unspecified
K30	Functional dyspepsia
K35.8	Acute appendicitis, other and unspecified
K40.9	Unilateral or unspecified inguinal hernia, without obstruction or gangrene
K42.9	Umbilical hernia without obstruction or gangrene
K44.9	Diaphragmatic hernia without obstruction or gangrene
K50.9	Crohn disease, unspecified
K51.9	Ulcerative colitis, unspecified
K52.9	Noninfective gastroenteritis and colitis, unspecified
K57.3	Diverticular disease of large intestine without perforation or abscess
K58.9	Irritable bowel syndrome without diarrhoea
K59.0	Constipation
K60.2	Anal fissure, unspecified
K70.3	Alcoholic cirrhosis of liver
K74.6	Other and unspecified cirrhosis of liver
K76.0	Fatty (change of) liver, not elsewhere classified
K80.2	Calculus of gallbladder without cholecystitis
K81.0	Acute cholecystitis
K85.9	Acute pancreatitis, unspecified
K90.0	Coeliac disease
L01.0	Impetigo [any organism] [any site]
L02.9	Cutaneous abscess, furuncle and carbuncle, unspecified
L03.9	Cellulitis, unspecified
L08.9	Local infection of skin and subcutaneous tissue, unspecified
L20.9	Atopic dermatitis, unspecified
L21.9	Seborrhoeic dermatitis, unspecified
L22	Diaper [napkin] dermatitis
L23.9	Allergic contact dermatitis, unspecified cause
L24.9	Irritant contact dermatitis, unspecified cause
L29.9	Pruritus, unspecified
L30.9	Dermatitis, unspecified
L40.0	Psoriasis vulgaris
L42	Pityriasis rosea
L50.0	Allergic urticaria
L50.9	Urticaria, unspecified
L60.0	Ingrowing nail
L63.9	Alopecia areata, unspecified
L70.0	Acne vulgaris
L71.9	Rosacea, unspecified
L72.1	Trichilemmal cyst
L80	Vitiligo
L84	Corns and callosities
L89.9	Decubitus ulcer and pressure area, unspecified
M06.9	Rheumatoid arthritis, unspecified
M10.9	Gout, unspecified
M15.9	Polyarthrosis, unspecified
M16.9	Coxarthrosis, unspecified
M17.9	Gonarthrosis, unspecified
M19.9	Arthrosis, unspecified
M25.5	Pain in joint
M32.9	Systemic lupus erythematosus, unspecified
M35.3	Polymyalgia rheumatica
M45	Ankylosing spondylitis
M47.8	Other spondylosis
M51.2	Other specified intervertebral disc displacement
M54.2	Cervicalgia
M54.4	Lumbago with sciatica
M54.5	Low back pain
M54.6	Pain in thoracic spine
M65.3	Trigger finger
M70.2	Olecranon bursitis
M75.1	Rotator cuff syndrome
M75.0	Adhesive capsulitis of shoulder
M77.1	Lateral epicondylitis
M72.2	Plantar fascial fibromatosis
M79.1	Myalgia
M79.6	Pain in limb
M79.7	Fibromyalgia
M81.9	Osteoporosis, unspecified
N10	Acute tubulo-interstitial nephritis
N17.9	Acute renal failure, unspecified
N18.9	Chronic kidney disease, unspecified
N20.0	Calculus of kidney
N23	Unspecified renal colic
N30.0	Acute cystitis
N39.0	Urinary tract infection, site not specified
N39.4	Other specified urinary incontinence
N40	Hyperplasia of prostate
N41.0	Acute prostatitis
N45.9	Orchitis, epididymitis and epididymo-orchitis without abscess
N60.1	Diffuse cystic mastopathy
N63	Unspecified lump in breast
N76.0	Acute vaginitis
N77.1	Vaginitis, vulvitis and vulvovaginitis in infectious and parasitic diseases classified elsewhere
N80.9	Endometriosis, unspecified
N83.2	Other and unspecified ovarian cysts
N91.2	Amenorrhoea, unspecified
N92.0	Excessive and frequent menstruation with regular cycle
N94.6	Dysmenorrhoea, unspecified
N95.1	Menopausal and female climacteric states
N97.9	Female infertility, unspecified
O21.0	Mild hyperemesis gravidarum
O24.4	Diabetes mellitus arising in pregnancy
O80.9	Single spontaneous delivery, unspecified
R00.0	Tachycardia, unspecified
R00.2	Palpitations
R05	Cough
R06.0	Dyspnoea
R07.4	Chest pain, unspecified
R10.4	Other and unspecified abdominal pain
R11	Nausea and vomiting
R19.7	Diarrhoea, unspecified
R21	Rash and other nonspecific skin eruption
R25.1	Tremor, unspecified
R31	Unspecified haematuria
R42	Dizziness and giddiness
R50.9	Fever, unspecified
R51	Headache
R53	Malaise and fatigue
R55	Syncope and collapse
R56.0	Febrile convulsions
R60.0	Localized oedema
R63.4	Abnormal weight loss
R73.0	Abnormal glucose tolerance test
S00.9	Superficial injury of head, part unspecified
S01.9	Open wound of head, part unspecified
S06.0	Concussion
S42.0	Fracture of clavicle
S52.5	Fracture of lower end of radius
S61.9	Open wound of wrist and hand, part unspecified
S62.6	Fracture of other finger
S63.5	Sprain and strain of wrist
S72.0	Fracture of neck of femur
S82.6	Fracture of lateral malleolus
S83.6	Sprain and strain of other and unspecified parts of knee
S93.4	Sprain and strain of ankle
T14.0	Superficial injury of unspecified body region
T30.0	Burn of unspecified body region, unspecified degree
T63.4	Venom of other arthropods
T78.4	Allergy, unspecified
T88.7	Unspecified adverse effect of drug or medicament
W19	Unspecified fall
Z00.0	General medical examination
Z00.1	Routine child health examination
Z01.4	Gynaecological examination (general)(routine)
Z02.7	Issue of medical certificate
Z09.9	Follow-up examination after unspecified treatment for other conditions
Z11.5	Special screening examination for other viral diseases
Z12.3	Special screening examination for neoplasm of breast
Z23	Need for immunization against single bacterial diseases
Z27.4	Need for immunization against measles-mumps-rubella [MMR]
Z30.0	General counselling and advice on contraception
Z34.9	Supervision of normal pregnancy, unspecified
Z48.0	Attention to surgical dressings and sutures
Z71.3	Dietary counselling and surveillance
Z72.0	Tobacco use
Z76.0	Issue of repeat prescription
Z86.7	Personal history of diseases of the circulatory system
Z88.0	Personal history of allergy to penicillin
Z92.2	Personal history of drug therapy
U07.1	COVID-19, virus identified
U07.2	COVID-19, virus not identified`;
