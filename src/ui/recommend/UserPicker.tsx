import { useRecommend } from '../../state/recommend';

/** Type a user id prefix; matches come from the worker (latest request wins). */
export function UserPicker() {
  const query = useRecommend((s) => s.userQuery);
  const matches = useRecommend((s) => s.userMatches);
  const search = useRecommend((s) => s.searchUsers);
  const pick = useRecommend((s) => s.pickUser);
  return (
    <div className="user-picker">
      <label>
        User
        <input
          type="search"
          list="recommend-users"
          value={query}
          placeholder="type a user id"
          onChange={(e) => {
            const v = e.target.value;
            void search(v);
            if (matches.includes(v)) void pick(v);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches[0]) void pick(matches.includes(query) ? query : matches[0]);
          }}
        />
      </label>
      <datalist id="recommend-users">
        {matches.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
    </div>
  );
}
