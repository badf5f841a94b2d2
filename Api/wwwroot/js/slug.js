// Ids the API accepts (lowercase letters, digits and '-', at most 64, not starting with '-'),
// proposed from a name a person typed: "Hôtel du Lac" becomes "hotel-du-lac".

export function slugOf(name) {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/**
 * Keeps `idInput` proposed from `nameInput` until someone edits the id by hand; clearing the id
 * hands it back to the name.
 */
export function proposeId(nameInput, idInput) {
  let edited = idInput.value !== '' && idInput.value !== slugOf(nameInput.value);
  nameInput.addEventListener('input', () => {
    if (!edited) idInput.value = slugOf(nameInput.value);
  });
  idInput.addEventListener('input', () => {
    edited = idInput.value !== '';
  });
}
