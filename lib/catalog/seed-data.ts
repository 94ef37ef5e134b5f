/** The believable starter catalog `npm run db:seed` loads (prices in centavos). */
export const seedCategories = [
  { slug: "pranchas", name: "Pranchas", description: "Shortboards, fish, funboards e longboards.", position: 1 },
  { slug: "roupas-de-borracha", name: "Roupas de borracha", description: "Long johns, short johns e lycras.", position: 2 },
  { slug: "acessorios", name: "Acessórios", description: "Leashes, quilhas, decks, parafina e capas.", position: 3 },
  { slug: "digitais", name: "Guias e aulas", description: "Guias em PDF e cursos em vídeo para evoluir.", position: 4 },
];

type Kind = "physical" | "digital";
export interface SeedProduct {
  slug: string;
  name: string;
  category: string;
  kind: Kind;
  priceCents: number;
  stock: number;
  description: string;
}

/** Digital products are licenses: a large stock that orders still reserve like any other. */
const LICENSES = 10_000;

export const seedProducts: SeedProduct[] = [
  {
    slug: "prancha-shortboard-5-10",
    name: "Prancha Shortboard 5'10\" Epóxi",
    category: "pranchas",
    kind: "physical",
    priceCents: 249_900,
    stock: 6,
    description:
      "Shortboard de performance em epóxi com longarina de madeira. Ideal para ondas de meio metro a dois metros.\nMedidas: 5'10\" x 18 3/4\" x 2 5/16\" — 27,5 L. Sistema FCS II (quilhas vendidas à parte).",
  },
  {
    slug: "prancha-funboard-7-2",
    name: "Prancha Funboard 7'2\" para Iniciantes",
    category: "pranchas",
    kind: "physical",
    priceCents: 189_900,
    stock: 8,
    description:
      "Muita flutuação e estabilidade para quem está começando ou voltando ao surf. Bordas macias e rocker suave.\nMedidas: 7'2\" x 21 1/2\" x 2 3/4\" — 52 L.",
  },
  {
    slug: "longboard-classico-9-1",
    name: "Longboard Clássico 9'1\"",
    category: "pranchas",
    kind: "physical",
    priceCents: 329_900,
    stock: 3,
    description: "Longboard single fin em PU para noseriding e linhas suaves. Laminação 6 + 4 oz. Quilha de 9\" inclusa.",
  },
  {
    slug: "prancha-fish-5-6",
    name: "Prancha Fish 5'6\" Biquilha",
    category: "pranchas",
    kind: "physical",
    priceCents: 219_900,
    stock: 5,
    description: "Fish retrô com rabeta em andorinha: velocidade em ondas pequenas e cheias. Setup biquilha FCS II.",
  },
  {
    slug: "long-john-3-2-costa-fria",
    name: "Long John 3/2 mm Costa Fria",
    category: "roupas-de-borracha",
    kind: "physical",
    priceCents: 79_990,
    stock: 15,
    description: "Neoprene com forro térmico no peito e costas, zíper nas costas e costuras coladas. Para o inverno do Sul e Sudeste.",
  },
  {
    slug: "short-john-2mm-verao",
    name: "Short John 2 mm Verão",
    category: "roupas-de-borracha",
    kind: "physical",
    priceCents: 39_990,
    stock: 20,
    description: "Leve e flexível para as manhãs de verão. Neoprene 2 mm, zíper frontal.",
  },
  {
    slug: "lycra-protecao-uv50",
    name: "Lycra Proteção UV 50+",
    category: "roupas-de-borracha",
    kind: "physical",
    priceCents: 12_990,
    stock: 40,
    description: "Manga longa com proteção UV 50+, secagem rápida e costuras planas que não assam.",
  },
  {
    slug: "leash-6-competicao",
    name: "Leash 6' Competição",
    category: "acessorios",
    kind: "physical",
    priceCents: 9_990,
    stock: 50,
    description: "Cordinha de 6 pés e 6 mm com destorcedor duplo em inox e strap acolchoado.",
  },
  {
    slug: "quilhas-thruster-fcs2",
    name: "Jogo de Quilhas Thruster FCS II",
    category: "acessorios",
    kind: "physical",
    priceCents: 34_990,
    stock: 12,
    description: "Três quilhas em fibra de vidro, tamanho M (65–80 kg). Encaixe sem parafuso.",
  },
  {
    slug: "parafina-agua-quente-kit-3",
    name: "Parafina Água Quente (kit com 3)",
    category: "acessorios",
    kind: "physical",
    priceCents: 3_990,
    stock: 100,
    description: "Parafina para água acima de 24 °C. Kit com 3 barras e pente.",
  },
  {
    slug: "deck-antiderrapante-3-pecas",
    name: "Deck Antiderrapante 3 Peças",
    category: "acessorios",
    kind: "physical",
    priceCents: 14_990,
    stock: 25,
    description: "Deck em EVA com ranhuras diamantadas e kick de 30 mm.",
  },
  {
    slug: "capa-refletiva-6-0",
    name: "Capa Refletiva 6'0\"",
    category: "acessorios",
    kind: "physical",
    priceCents: 19_990,
    stock: 10,
    description: "Capa com face refletiva, espuma de 5 mm e alça de ombro. Protege do sol e das batidas.",
  },
  {
    slug: "guia-manobras-basicas",
    name: "Guia Digital: Manobras Básicas (PDF)",
    category: "digitais",
    kind: "digital",
    priceCents: 4_990,
    stock: LICENSES,
    description: "64 páginas ilustradas: remada, drop, cavada, batida e rasgada, com exercícios fora d'água. Download imediato.",
  },
  {
    slug: "curso-video-leitura-de-ondas",
    name: "Curso em Vídeo: Leitura de Ondas",
    category: "digitais",
    kind: "digital",
    priceCents: 14_990,
    stock: LICENSES,
    description: "12 aulas em vídeo sobre ondulação, vento, maré e posicionamento no pico. Acesso vitalício.",
  },
  {
    slug: "guia-trips-30-picos-brasil",
    name: "Guia de Trips: 30 Picos do Brasil (PDF)",
    category: "digitais",
    kind: "digital",
    priceCents: 3_990,
    stock: LICENSES,
    description: "De Fernando de Noronha ao Guarda do Embaú: quando ir, onde ficar e como chegar.",
  },
];
