import { ButtonLink } from "./_components/ui";

export default function NotFound() {
  return (
    <div className="py-20 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-coral-500">Erro 404</p>
      <h1 className="mt-2 text-3xl font-extrabold text-ocean-900">Essa onda não quebrou aqui.</h1>
      <p className="mt-3 text-slate-600">A página que você procura não existe ou foi movida.</p>
      <ButtonLink href="/" className="mt-8">
        Voltar para a loja
      </ButtonLink>
    </div>
  );
}
