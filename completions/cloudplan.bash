# bash completion for cloudplan: its commands, their options, the values of --format, --order and
# --diagnostics, and files or folders where a command takes them. Installed as
# share/bash-completion/completions/cloudplan, where bash-completion loads it on first use; it
# needs nothing from bash-completion itself. Keep it in step with `cloudplan COMMAND --help`.

# Completes a comma-separated list of the given values, leaving out those already in the list.
_cloudplan_list() {
  local cur=$1 prefix="" value listed
  shift
  [[ $cur == *,* ]] && prefix=${cur%,*},
  listed=",$prefix"
  for value in "$@"; do
    [[ $listed == *",$value,"* ]] || COMPREPLY+=("$prefix$value")
  done
  COMPREPLY=($(compgen -W "${COMPREPLY[*]}" -- "$cur"))
  compopt -o nospace 2>/dev/null
}

_cloudplan() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()
  # --option=value: bash splits it into "--option" "=" "value" (= is in COMP_WORDBREAKS).
  if [[ $cur == = ]]; then
    cur=""
  elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi

  local command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      template | validate | plan | explain | render | help)
        command=${COMP_WORDS[i]}
        break
        ;;
    esac
  done

  case $prev in
    -o | --output)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -d -- "$cur"))
      return
      ;;
    --format)
      _cloudplan_list "$cur" svg png pdf
      return
      ;;
    --order)
      COMPREPLY=($(compgen -W "providers-first consumers-first none" -- "$cur"))
      return
      ;;
    --diagnostics)
      COMPREPLY=($(compgen -W "text json" -- "$cur"))
      return
      ;;
    --encoding)
      COMPREPLY=($(compgen -W "windows-1252 iso-8859-1 cp1252 latin1" -- "$cur"))
      return
      ;;
    --default-agency | --agency | --focus | --depth | --wave-capacity | --wave-effort | \
      --start | --wave-length | --freeze)
      return  # a value of the user's own: nothing to offer
      ;;
  esac

  local options files=-f
  case $command in
    "")
      COMPREPLY=($(compgen -W "template validate plan explain render help -q --quiet --help
        --version" -- "$cur"))
      return
      ;;
    help)
      COMPREPLY=($(compgen -W "template validate plan explain render" -- "$cur"))
      return
      ;;
    template)
      options="--force -q --quiet --help"
      files=-d
      ;;
    validate)
      options="--known --default-agency --encoding --diagnostics -q --quiet --help"
      ;;
    plan)
      options="-o --output --wave-capacity --wave-effort --order --start --wave-length --freeze
        --allow-oversize --default-agency --encoding --archimate --render --format --diagnostics
        --force -q --quiet --help"
      ;;
    explain)
      options="-q --quiet --help"
      ;;
    render)
      options="-o --output --format --agency --focus --depth --no-waves --force -q --quiet --help"
      ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen "$files" -- "$cur"))
  fi
}

complete -F _cloudplan cloudplan
