-- A class under wrk: one wrk thread with one connection per student (-t64 -c64).
-- Each student loads a preset (GET /api/presets/<name>), then steps it again and again
-- (POST /api/step), sending back the network and optimizer state the last step returned,
-- and starts over from the preset every RELOAD_EVERY steps. Answers other than 200 are counted.
-- classroom_load.py prepends PRESETS and RELOAD_EVERY (and a delay() when students pause
-- between steps); the harness appends done().

local students = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(students, thread)
end

function init(args)
  preset = PRESETS[(id % #PRESETS) + 1]
  step_body = nil
  steps, gets, posts, non200 = 0, 0, 0, 0
end

function request()
  if step_body == nil then
    gets = gets + 1
    return wrk.format("GET", "/api/presets/" .. preset)
  end
  posts = posts + 1
  return wrk.format("POST", "/api/step", {["Content-Type"] = "application/json"}, step_body)
end

-- The end index of the JSON string that opens at `i` (a '"').
local function string_end(text, i)
  local j = i + 1
  while true do
    local k = string.find(text, '["\\]', j)
    if string.sub(text, k, k) == '"' then return k end
    j = k + 2  -- skip the escaped character
  end
end

-- The text of the JSON value stored under "key" (its first occurrence), or nil.
function json_value(text, key)
  local _, colon = string.find(text, '"' .. key .. '"%s*:%s*')
  if colon == nil then return nil end
  local start = colon + 1
  local first = string.sub(text, start, start)
  if first == '"' then return string.sub(text, start, string_end(text, start)) end
  if first ~= "{" and first ~= "[" then return string.match(text, "^[^,}%]]+", start) end
  local depth, i = 0, start
  while true do
    i = string.find(text, '[%[%]{}"]', i)
    local c = string.sub(text, i, i)
    if c == '"' then
      i = string_end(text, i)
    elseif c == "{" or c == "[" then
      depth = depth + 1
    else
      depth = depth - 1
      if depth == 0 then return string.sub(text, start, i) end
    end
    i = i + 1
  end
end

local function body_from_preset(preset_json)
  local fields = {}
  for _, key in ipairs({"network", "inputs", "targets", "loss", "optimizer"}) do
    table.insert(fields, '"' .. key .. '":' .. json_value(preset_json, key))
  end
  return fields
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    step_body, steps = nil, 0  -- start over from the preset
    return
  end
  local state = json_value(body, "optimizer_state")
  if state == nil then  -- a preset: its network, batch, loss and optimizer make the step's body
    base = body_from_preset(body)
    step_body = "{" .. table.concat(base, ",") .. "}"
    return
  end
  steps = steps + 1
  if steps >= RELOAD_EVERY then
    step_body, steps = nil, 0
    return
  end
  step_body = "{" .. table.concat(base, ",", 2) .. ',"network":' .. json_value(body, "network")
    .. ',"optimizer_state":' .. state .. "}"
end

function extra_report()
  local g, p, n = 0, 0, 0
  for _, s in ipairs(students) do
    g, p, n = g + s:get("gets"), p + s:get("posts"), n + s:get("non200")
  end
  return string.format('"gets": %d, "posts": %d, "non200": %d', g, p, n)
end
