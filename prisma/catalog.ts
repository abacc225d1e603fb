// The demo catalog seeded on first start. Prices are tax-inclusive yen; food is reduced-rate (8%).
export interface CatalogEntry {
  slug: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  priceYen: number;
  taxRate: 8 | 10;
  stock: number;
}

export const DEMO_CATALOG: CatalogEntry[] = [
  {
    slug: "arita-indigo-plates",
    name: "有田焼 藍染め豆皿 5枚セット",
    nameEn: "Arita porcelain indigo small plates, set of 5",
    description: "佐賀・有田の窯元が一枚ずつ絵付けした直径9cmの豆皿。薬味や和菓子に。食洗機・電子レンジ対応。",
    descriptionEn: "9 cm plates hand-painted one by one at an Arita kiln in Saga. For condiments and sweets. Dishwasher and microwave safe.",
    priceYen: 3300,
    taxRate: 10,
    stock: 20,
  },
  {
    slug: "nanbu-iron-teapot",
    name: "南部鉄器 急須 あられ 0.6L",
    nameEn: "Nanbu cast-iron teapot, arare pattern, 0.6 L",
    description: "岩手・盛岡の職人による伝統のあられ文様。内側はホーロー加工で茶葉の香りを損ないません。",
    descriptionEn: "Traditional hailstone pattern by craftsmen in Morioka, Iwate. Enamelled inside so the tea keeps its aroma.",
    priceYen: 8800,
    taxRate: 10,
    stock: 8,
  },
  {
    slug: "imabari-face-towels",
    name: "今治タオル フェイスタオル 2枚組",
    nameEn: "Imabari face towels, set of 2",
    description: "吸水性に優れた今治タオル認定品。やわらかな無撚糸で、洗うほどに肌になじみます。",
    descriptionEn: "Certified Imabari towels with excellent absorbency. Soft twistless yarn that gets better with every wash.",
    priceYen: 2200,
    taxRate: 10,
    stock: 40,
  },
  {
    slug: "shizuoka-fukamushi-sencha",
    name: "静岡 深蒸し煎茶 100g",
    nameEn: "Shizuoka deep-steamed sencha, 100 g",
    description: "牧之原台地で育った一番茶を深蒸しに。まろやかな甘みと濃い水色が楽しめます。",
    descriptionEn: "First-flush leaves from the Makinohara plateau, deep-steamed for a mellow sweetness and deep green cup.",
    priceYen: 1296,
    taxRate: 8,
    stock: 60,
  },
  {
    slug: "uji-matcha",
    name: "宇治抹茶 薄茶用 30g缶",
    nameEn: "Uji matcha for usucha, 30 g tin",
    description: "京都・宇治の石臼挽き抹茶。お点前にも、ラテや製菓にも使いやすい香り高い一品です。",
    descriptionEn: "Stone-ground matcha from Uji, Kyoto. Fragrant for the tea ceremony, lattes and baking.",
    priceYen: 2160,
    taxRate: 8,
    stock: 25,
  },
  {
    slug: "shinshu-apple-juice",
    name: "信州りんごジュース ストレート 1L",
    nameEn: "Shinshu straight apple juice, 1 L",
    description: "長野県産のふじりんごだけを搾った無加糖・無添加のストレート果汁です。",
    descriptionEn: "Pressed only from Fuji apples grown in Nagano. No added sugar, no additives.",
    priceYen: 864,
    taxRate: 8,
    stock: 50,
  },
  {
    slug: "hasami-mug",
    name: "波佐見焼 しのぎマグカップ",
    nameEn: "Hasami ware shinogi mug",
    description: "長崎・波佐見の白磁に、しのぎ彫りの陰影が美しいマグカップ。容量300ml。",
    descriptionEn: "A white porcelain mug from Hasami, Nagasaki, with beautifully carved shinogi ridges. 300 ml.",
    priceYen: 2640,
    taxRate: 10,
    stock: 30,
  },
  {
    slug: "aizu-lacquer-bowl",
    name: "会津塗 汁椀 溜塗",
    nameEn: "Aizu lacquerware soup bowl, tamenuri finish",
    description: "福島・会津の木地に漆を重ねた汁椀。軽く手になじみ、熱い汁物も持ちやすい。",
    descriptionEn: "A wooden soup bowl from Aizu, Fukushima, finished in layers of urushi lacquer. Light and easy to hold.",
    priceYen: 4950,
    taxRate: 10,
    stock: 12,
  },
  {
    slug: "tenugui-mount-fuji",
    name: "注染手ぬぐい 富士山",
    nameEn: "Chusen-dyed tenugui, Mount Fuji",
    description: "職人が一枚ずつ染め上げる注染の手ぬぐい。使うほどにやわらかく、色の変化も楽しめます。",
    descriptionEn: "A hand towel dyed piece by piece with the chusen technique. Softer and more characterful with use.",
    priceYen: 1320,
    taxRate: 10,
    stock: 0,
  },
  {
    slug: "hokkaido-kombu-dashi",
    name: "北海道 真昆布だしパック 10包",
    nameEn: "Hokkaido ma-kombu dashi packs, 10 pieces",
    description: "函館産真昆布とかつお節を合わせた、煮出すだけの本格だしパック。",
    descriptionEn: "Authentic dashi packs of Hakodate ma-kombu and bonito flakes. Just simmer.",
    priceYen: 1080,
    taxRate: 8,
    stock: 45,
  },
  {
    slug: "mino-donabe",
    name: "美濃焼 土鍋 7号（2〜3人用）",
    nameEn: "Mino ware donabe clay pot, size 7 (2–3 people)",
    description: "岐阜・美濃の耐熱陶土で作った土鍋。遠赤外線効果で食材の旨みを引き出します。",
    descriptionEn: "A clay pot of heat-resistant Mino clay from Gifu. Far-infrared heat brings out the flavour of ingredients.",
    priceYen: 6600,
    taxRate: 10,
    stock: 5,
  },
  {
    slug: "kishu-honey-umeboshi",
    name: "紀州南高梅 はちみつ梅干し 300g",
    nameEn: "Kishu Nanko umeboshi with honey, 300 g",
    description: "和歌山県産の南高梅を、はちみつでまろやかに漬け込みました。塩分約8%。",
    descriptionEn: "Nanko plums from Wakayama, pickled mellow with honey. About 8% salt.",
    priceYen: 2376,
    taxRate: 8,
    stock: 3,
  },
];
