/** Word lists the demo generators build names, emails and reviews from. Plain data, no logic. */

export const FIRST_NAMES = [
  'ada', 'alan', 'amara', 'ben', 'carla', 'chen', 'dara', 'diego', 'elena', 'emeka', 'fatima', 'felix',
  'grace', 'hana', 'ivan', 'jonas', 'julia', 'kai', 'karim', 'lea', 'liam', 'lucia', 'maya', 'mehmet',
  'nia', 'noah', 'olga', 'omar', 'priya', 'rafael', 'rosa', 'sami', 'sara', 'tariq', 'tom', 'uma',
  'vera', 'wei', 'yara', 'zoe',
] as const;

export const LAST_NAMES = [
  'adeyemi', 'almeida', 'bauer', 'brown', 'castro', 'costa', 'dubois', 'evans', 'fischer', 'garcia',
  'gupta', 'hansen', 'ito', 'jensen', 'kim', 'kowalski', 'lopez', 'martin', 'meyer', 'moreau', 'nakamura',
  'nguyen', 'novak', 'okafor', 'patel', 'petrov', 'quinn', 'rossi', 'santos', 'schmidt', 'silva', 'singh',
  'smith', 'suzuki', 'tanaka', 'taylor', 'wagner', 'walsh', 'wong', 'yilmaz',
] as const;

/**
 * Review complaints: each is a latent reason a customer may leave. Its phrases all contain the
 * topic's marker words, so a bag-of-words model can find the reason when the review mentions it.
 */
export const COMPLAINT_PHRASES: Record<string, readonly string[]> = {
  price: [
    'way too expensive for what it does',
    'the price went up again, too expensive',
    'thinking about cheaper alternatives, this is expensive',
    'the "premium" plan is expensive',
  ],
  speed: [
    'the app is slow',
    'pages load so slow',
    'everything got slow after the update',
    'search is slow, and sync is slower',
  ],
  bugs: [
    'there is a bug in checkout',
    'it keeps crashing, another bug',
    'found a bug that deletes my lists',
    'login bug again, crashes on start',
  ],
  leaving: [
    'I want to cancel my subscription',
    'how do I cancel? support never answers',
    'will cancel next month',
    'considering a refund and cancel',
  ],
};

/** Neutral or happy phrases: most reviews are built from these. */
export const NEUTRAL_PHRASES = [
  'love the new design',
  'works fine for me',
  'great selection of products',
  'delivery was quick',
  'easy to use',
  'support was helpful',
  'the wishlist feature is handy',
  'good value overall',
  'does what I need',
  'nice recommendations, found new favourites',
  'the app is fine',
  'ok, nothing special',
  'I use it every week',
  'clean interface, fast search',
] as const;

/** Product catalogue: ~10 categories, each with a few readable base names; products are "<base> <n>". */
export const PRODUCT_CATEGORIES: Record<string, readonly string[]> = {
  Footwear: ['Trail Running Shoes', 'Leather Boots', 'Canvas Sneakers', 'Wool Slippers'],
  Outdoor: ['Camping Tent', 'Hiking Backpack', 'Sleeping Bag', 'Water Filter'],
  Kitchen: ['Chef Knife', 'Cast Iron Skillet', 'Pour-Over Kettle', 'Spice Grinder'],
  Electronics: ['Wireless Earbuds', 'Bluetooth Speaker', 'Fitness Tracker', 'USB-C Charger'],
  Books: ['Mystery Novel', 'Cookbook', 'Travel Guide', 'Poetry Collection'],
  Beauty: ['Face Serum', 'Hand Cream', 'Shampoo Bar', 'Lip Balm'],
  Home: ['Linen Sheets', 'Desk Lamp', 'Throw Blanket', 'Ceramic Vase'],
  Toys: ['Wooden Puzzle', 'Building Blocks', 'Plush Bear', 'Card Game'],
  Sports: ['Yoga Mat', 'Resistance Bands', 'Tennis Racket', 'Cycling Gloves'],
  Garden: ['Pruning Shears', 'Seed Starter Kit', 'Watering Can', 'Herb Planter'],
};
